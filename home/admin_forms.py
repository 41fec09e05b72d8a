from wagtail.admin.forms.auth import LoginForm


class DutchLoginForm(LoginForm):
    """Wagtail's login form; its password field has no label of its own, so it showed "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Wachtwoord"
