"""The shared free-text field of the public forms."""

from django import forms

from forms.fields import RemarkField


class RemarkForm(forms.Form):
    remark = RemarkField(label="Vraag of opmerking")


def test_a_remark_is_optional_and_a_textarea():
    form = RemarkForm({"remark": ""})
    assert form.is_valid() and form.cleaned_data["remark"] == ""
    html = str(form["remark"])
    assert "<textarea" in html and 'rows="4"' in html and 'maxlength="2000"' in html


def test_a_remark_over_2000_characters_is_refused():
    assert RemarkForm({"remark": "x" * 2000}).is_valid()
    assert not RemarkForm({"remark": "x" * 2001}).is_valid()
