"""The admin for teams and their members, and for the team link (wagtail-modeladmin).

Who: the handlers of registrations. Seeing needs ``aanmelding.handle_registrations``
and the model's view or change permission; making and editing a team, and the
team-link actions, need the change (or add) permission; deleting is for
superusers only (a team that stops is set to not active). Everybody else gets
a 403, also when typing a URL (``forms.admin``).

What: a list with filters (wijk, kind, active) and search (team name,
coordinator's name or address); a form for a team with its members inline
(a member who leaves is removed, with their data); the team-link page, where a
handler mails a new link to the coordinator or revokes the link.

The link's token is made in ``aanmelding.mails.teams`` and goes into the mail
only: the admin shows when the link was made, never the link, and the audit
log records that it happened, labelled with the team's name.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import CreateView, DeleteView, EditView, IndexView

from forms.admin import (
    ChoiceListFilter,
    DutchHistoryView,
    ForbiddenMixin,
    InstanceActionView,
    NumericIdURLHelper,
    OwnFiltersOnlyMixin,
    PersonalDataPermissionHelper,
)

from ..mails.teams import NoTeamPage, mail_new_team_link
from ..models import Registration, Team, TeamMember, Wijk
from ..permissions import HANDLE_PERMISSION

LINK_NEW_ACTION = "aanmelding.team.link_new"
LINK_REVOKE_ACTION = "aanmelding.team.link_revoke"
FROM_REGISTRATION_ACTION = "aanmelding.team.from_registration"
MEMBER_ADDED_ACTION = "aanmelding.team.member_added"

MEMBERS_HELP = (
    "Gaat iemand uit het team? Verwijder die persoon dan hier en sla op. "
    "De naam en het e-mailadres worden dan echt gewist."
)


def log_team(team, action, user, data=None):
    """An audit-log entry labelled with the team's name only: no names of people, never the link."""
    return log(instance=team, action=action, user=user, title=team.name, data=data or {})


class TeamPermissionHelper(PersonalDataPermissionHelper):
    """Handlers see, make and edit teams; only superusers delete one."""

    access_permission = HANDLE_PERMISSION

    def user_can_create(self, user):
        return self.has_access(user) and self.user_has_specific_permission(user, self.get_perm_codename("add"))

    def user_can_edit_obj(self, user, obj):
        return self.user_can_handle(user)


class TeamButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_handle(self.request.user):
            buttons.insert(
                1,
                {
                    "url": self.url_helper.get_action_url("link", quote(obj.pk)),
                    "label": "Teamlink",
                    "classname": "button button-secondary button-small",
                    "title": f"De teamlink van {obj.name} mailen of intrekken",
                },
            )
        return buttons


class WijkFilter(ChoiceListFilter):
    title = "wijk"
    parameter_name = "wijk"
    lookup = "wijk_id"

    def lookups(self, request, model_admin):
        return [(wijk.pk, wijk.name) for wijk in Wijk.objects.all()]


class KindFilter(ChoiceListFilter):
    title = "soort"
    parameter_name = "kind"
    lookup = "kind"

    def lookups(self, request, model_admin):
        return Team.Kind.choices


class ActiveFilter(ChoiceListFilter):
    title = "actief"
    parameter_name = "active"
    lookup = "is_active"

    def lookups(self, request, model_admin):
        return [("1", "Actief"), ("0", "Niet actief")]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(is_active=value == "1") if value else queryset


class TeamIndexView(ForbiddenMixin, OwnFiltersOnlyMixin, IndexView):
    pass


class TeamCreateView(ForbiddenMixin, CreateView):
    def get_success_message(self, instance):
        return f"Team ‘{instance}’ is gemaakt. Mail de coördinator nu de teamlink (knop ‘Teamlink’)."


class TeamEditView(ForbiddenMixin, EditView):
    def get_success_message(self, instance):
        return f"Team ‘{instance}’ is opgeslagen."

    def get_context_data(self, form=None, **kwargs):
        kwargs["link_url"] = self.url_helper.get_action_url("link", self.pk_quoted)
        return super().get_context_data(form=form, **kwargs)


class TeamDeleteView(ForbiddenMixin, DeleteView):
    pass


class TeamHistoryView(ForbiddenMixin, DutchHistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_see(user)


class TeamLinkView(InstanceActionView):
    """The team link: when it was made; POST ``action=new`` mails a new one, ``action=revoke`` stops it."""

    template_name = "aanmelding/admin/team_link.html"

    @cached_property
    def team(self):
        return get_object_or_404(Team.objects.select_related("wijk"), pk=self.instance_pk)

    @property
    def link_url(self):
        return self.url_helper.get_action_url("link", quote(self.team.pk))

    def get(self, request, *args, **kwargs):
        context = {
            "team": self.team,
            "edit_url": self.url_helper.get_action_url("edit", quote(self.team.pk)),
            "index_url": self.url_helper.index_url,
            "link_url": self.link_url,
        }
        return TemplateResponse(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "new":
            send_new_link(request, self.team)
        elif action == "revoke":
            revoke_link(request, self.team)
        return redirect(self.link_url)


def send_new_link(request, team):
    """Mail a new team link (shared by the team-link page and 'Team maken' on a registration)."""
    if not team.is_active:
        messages.error(request, f"Team ‘{team}’ is niet actief. Een teamlink werkt dan niet. Er is niets gemaild.")
        return False
    try:
        mail_new_team_link(team)
    except NoTeamPage as error:
        team.refresh_from_db()
        messages.error(request, str(error))
        return False
    log_team(team, LINK_NEW_ACTION, request.user)
    messages.success(
        request,
        f"De nieuwe teamlink van ‘{team}’ gaat per mail naar {team.coordinator_email}. De oude link werkt niet meer.",
    )
    return True


def revoke_link(request, team):
    if not team.has_link:
        messages.info(request, f"Team ‘{team}’ had geen teamlink.")
        return
    team.revoke_link()
    log_team(team, LINK_REVOKE_ACTION, request.user)
    messages.success(request, f"De teamlink van ‘{team}’ is ingetrokken. Hij werkt vanaf nu niet meer.")


# --- from a registration (the registration's detail page) ---------------------------


def can_make_team(user, registration):
    """``Team maken`` shows for an admitted new team / new app group that made no team yet."""
    return (
        user.has_perm("aanmelding.add_team")
        and registration.kind in Registration.NEW_INITIATIVES
        and registration.status == Registration.Status.ADMITTED
        and not registration.personal_data_removed
    )


def can_join_team(user, registration):
    return (
        user.has_perm("aanmelding.add_teammember")
        and registration.kind == Registration.Kind.JOIN_TEAM
        and registration.status == Registration.Status.ADMITTED
        and not registration.personal_data_removed
    )


def team_choices(first_wijk_id=None):
    """Active teams grouped by wijk (``<optgroup>``), the given wijk first."""
    groups = {}
    for team in Team.objects.active().select_related("wijk"):
        groups.setdefault(team.wijk, []).append((team.pk, team.name))
    ordered = sorted(groups.items(), key=lambda item: item[0].pk != first_wijk_id)  # stable: keeps wijk order
    return [(str(wijk), teams) for wijk, teams in ordered]


class JoinTeamForm(forms.Form):
    team = forms.TypedChoiceField(
        label="Team",
        coerce=int,
        error_messages={
            "required": "Kies het team waar deze persoon bij komt.",
            "invalid_choice": "Dit team kun je niet kiezen: het bestaat niet meer of is niet actief.",
        },
    )

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "Kies een team"), *team_choices(registration.wijk_id)]
        chosen = registration.team
        if chosen is not None and chosen.is_active:
            self.fields["team"].initial = chosen.pk
            self.fields["team"].help_text = f"De aanvrager koos zelf ‘{chosen}’."
        else:
            self.fields["team"].help_text = f"Bovenaan staan de teams uit de wijk {registration.wijk}."


def make_team_from_registration(request, registration_pk):
    """Make the team of an admitted registration, with its applicant as first member, and mail the link.

    Returns the team, or None (with a message) when it cannot. Without a live team page the team
    is still made; the handler mails the link later from the team-link page.
    """
    with transaction.atomic():
        registration = get_object_or_404(
            Registration.objects.select_for_update(of=("self",)).select_related("wijk"), pk=registration_pk
        )
        try:
            team = Team.create_from_registration(registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return None
        log_team(team, FROM_REGISTRATION_ACTION, request.user, data={"registration": registration.reference})
    messages.success(request, f"Team ‘{team}’ is gemaakt, met {team.coordinator_name} als eerste lid.")
    send_new_link(request, team)
    return team


def add_member_from_registration(request, registration_pk, form_data):
    """Add an admitted "join a team" applicant to the chosen team. Returns the form (with errors) or None."""
    with transaction.atomic():
        registration = get_object_or_404(
            Registration.objects.select_for_update(of=("self",)).select_related("wijk", "team"), pk=registration_pk
        )
        form = JoinTeamForm(form_data, registration=registration)
        if not form.is_valid():
            return form
        team = get_object_or_404(Team, pk=form.cleaned_data["team"])
        try:
            TeamMember.add_from_registration(registration, team)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return None
        log_team(team, MEMBER_ADDED_ACTION, request.user, data={"registration": registration.reference})
    messages.success(request, f"{registration.name} is toegevoegd aan team ‘{team}’.")
    return None


class TeamAdmin(ModelAdmin):
    """Teams and app groups: list, filters, search, a form with the members, the team link."""

    model = Team
    url_helper_class = NumericIdURLHelper
    menu_label = "Teams"
    menu_icon = "group"
    list_display = ["name", "kind", "wijk", "coordinator", "member_count", "is_active", "link_status"]
    list_filter = [WijkFilter, KindFilter, ActiveFilter]
    list_select_related = ["wijk"]
    search_fields = ["name", "coordinator_name", "coordinator_email"]
    inspect_view_enabled = False
    permission_helper_class = TeamPermissionHelper
    button_helper_class = TeamButtonHelper
    index_view_class = TeamIndexView
    create_view_class = TeamCreateView
    edit_view_class = TeamEditView
    delete_view_class = TeamDeleteView
    history_view_class = TeamHistoryView
    edit_template_name = "aanmelding/admin/team_edit.html"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("name"), FieldPanel("kind"), FieldPanel("wijk"), FieldPanel("is_active")],
                heading="Team",
            ),
            MultiFieldPanel(
                [FieldPanel("coordinator_name"), FieldPanel("coordinator_email")],
                heading="Coördinator of beheerder",
                help_text="Deze persoon krijgt de teamlink per mail.",
            ),
            InlinePanel(
                "members",
                panels=[FieldPanel("name"), FieldPanel("email")],
                heading="Leden",
                label="Lid",
                help_text=MEMBERS_HELP,
            ),
        ]
    )

    def get_queryset(self, request):
        # One query for the whole list, however many teams and members.
        return super().get_queryset(request).annotate(member_total=Count("members"))

    def link_view(self, request, instance_pk):
        return TeamLinkView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        return super().get_admin_urls_for_registration() + (
            re_path(helper.get_action_url_pattern("link"), self.link_view, name=helper.get_action_url_name("link")),
        )


def register_log_actions(actions):
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    actions.register_action(LINK_NEW_ACTION, "Nieuwe teamlink gemaild", "Nieuwe teamlink gemaild aan de coördinator")
    actions.register_action(LINK_REVOKE_ACTION, "Teamlink ingetrokken", "Teamlink ingetrokken")
    actions.register_action(FROM_REGISTRATION_ACTION, "Team gemaakt uit aanmelding", "Team gemaakt uit een aanmelding")
    actions.register_action(MEMBER_ADDED_ACTION, "Lid toegevoegd uit aanmelding", "Lid toegevoegd uit een aanmelding")
