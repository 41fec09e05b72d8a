"""The handlers' and editors' lists fit a 1280 and a 1366 px screen (issue #10 part 3).

At these widths modeladmin's filter column used to cover the last columns, and the
squeezed table broke status words inside the word ("Geplan d", "Geslote n"). Each list is
opened with real data (every status, long names) as the demo handler or the demo editor,
with the filter drawer open, and checked with axe-core as well.
"""

import pytest

from aanmelding.models import EveningSignup, InfoEveningPage, Registration, RegistrationRound, Wijk
from tests.factories import EveningSignupFactory, RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = pytest.mark.parametrize("width", [1280, 1366], ids=["1280px", "1366px"])
LONG_NAMES = [
    "Maximiliaan van Oldenbarnevelt-Schimmelpenninck",
    "Anne-Wil Hoogeveen-Verschuren",
    "Bartholomeus van den Heuvel",
    "Wilhelmina Ruijsenaars-Oosterhuis",
    "Sophie Terpstra",
    "Kees Jansen",
]
REMARK = "Ik wil graag weten hoeveel tijd het per week kost en of mijn buurvrouw ook mee mag naar de avond."

# What the page tells us about its layout, measured by the browser itself.
MEASURE = """
(freeText) => {
    const rect = (el) => {
        const r = el.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    };
    // A word (split at spaces; a hyphen may end a line) whose letters sit on more than one line is broken.
    const brokenWords = (el) => {
        const broken = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = [...range.getClientRects()].filter((r) => r.width > 0);
                const tops = new Set(lines.map((r) => Math.round(r.top)));
                if (tops.size > 1) broken.push(match[0]);
            }
        }
        return broken;
    };
    const table = document.querySelector('table.listing');
    const filters = document.querySelector('.changelist-filter, [data-filter-panel]');
    const cells = [...table.querySelectorAll('thead th, tbody td')].filter(
        (cell) => !freeText.some((name) => cell.classList.contains('field-' + name))
    );
    return {
        viewport: document.documentElement.clientWidth,
        pageScrollWidth: document.documentElement.scrollWidth,
        table: rect(table),
        filters: filters && filters.getClientRects().length ? rect(filters) : null,
        pagination: document.querySelector('nav.pagination') ? rect(document.querySelector('nav.pagination')) : null,
        statuses: [...table.querySelectorAll('td.field-status, td.field-status_label')].map(
            (td) => td.innerText.trim()
        ),
        broken: cells.flatMap((cell) => brokenWords(cell).map((word) => `${cell.className}: ${word}`)),
    };
}
"""


def overlap(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.fixture
def lists_with_every_status(demo_site):
    """The demo's data plus a registration and a sign-up in every status, under long names."""
    open_round = RegistrationRound.objects.get(title="Aanmeldmoment najaar")
    wijk = Wijk.objects.get(name="Buitengebied")
    for index, status in enumerate(Registration.Status.values):
        RegistrationFactory(
            round=open_round,
            wijk=wijk,
            status=status,
            kind=Registration.Kind.values[index % 3],
            name=LONG_NAMES[index],
            initiative_name="Buurtpreventieteam Noordoostelijke Vijverwijk",
        )
    evening = InfoEveningPage.objects.order_by("starts_at").last()
    for index, status in enumerate(EveningSignup.Status.values):
        EveningSignupFactory(evening=evening, status=status, persons=2, name=LONG_NAMES[index], remark=REMARK)
    return open_round, evening


def assert_the_list_fits(page, url, statuses, free_text, assert_accessible):
    page.goto(url)
    # A filter drawer that is closed cannot overlap; open it, it must push the table aside or down.
    toggle = page.locator("[data-filter-panel] > summary")
    if toggle.count():
        toggle.click()
    layout = page.evaluate(MEASURE, free_text)

    assert set(layout["statuses"]) == set(statuses), layout["statuses"]
    assert layout["filters"] is not None, "the list has no filter panel"
    assert not overlap(layout["filters"], layout["table"]), (
        f"the filter panel {layout['filters']} overlaps the table {layout['table']}"
    )
    # Wagtail's negative margin under the table let modeladmin's pagination (and its line) run over the last row.
    assert layout["pagination"] is None or layout["pagination"]["top"] >= layout["table"]["bottom"], (
        f"the pagination {layout['pagination']} overlaps the table {layout['table']}"
    )
    assert layout["table"]["right"] <= layout["viewport"], (
        f"the table ({layout['table']['right']:.0f} px) is wider than the screen ({layout['viewport']} px)"
    )
    assert layout["pageScrollWidth"] <= layout["viewport"], "the page scrolls sideways"
    assert layout["broken"] == [], f"words broken across lines: {layout['broken']}"
    assert_accessible(page)  # the open drawer too


@WIDTHS
def test_the_registration_list_fits_for_the_handler(
    lists_with_every_status, demo_admin, live_server, assert_accessible, width
):
    page = demo_admin("behandelaar", width)
    assert_the_list_fits(
        page,
        f"{live_server.url}/admin/aanmelding/registration/",
        statuses=Registration.Status.labels,
        free_text=["display_name"],
        assert_accessible=assert_accessible,
    )


@WIDTHS
def test_the_evening_signup_list_fits_for_the_handler(
    lists_with_every_status, demo_admin, live_server, assert_accessible, width
):
    page = demo_admin("behandelaar", width)
    statuses = EveningSignup.Status.labels
    assert_the_list_fits(
        page,
        f"{live_server.url}/admin/aanmelding/eveningsignup/",
        statuses,
        free_text=["name", "remark"],
        assert_accessible=assert_accessible,
    )
    _, evening = lists_with_every_status
    assert_the_list_fits(
        page,
        f"{live_server.url}/admin/aanmelding/eveningsignup/?evening={evening.pk}",
        statuses,
        free_text=["name", "remark"],
        assert_accessible=assert_accessible,
    )
    # The closed drawer still names the chosen filter.
    assert f"Bijeenkomst: {evening.label()}" in page.locator("[data-filter-panel] > summary").inner_text()


@WIDTHS
@pytest.mark.parametrize("username", ["redacteur", "behandelaar"])
def test_the_round_list_fits_for_the_editor_and_the_handler(
    lists_with_every_status, demo_admin, live_server, assert_accessible, width, username
):
    page = demo_admin(username, width)
    assert_the_list_fits(
        page,
        f"{live_server.url}/admin/aanmelding/registrationround/",
        statuses=RegistrationRound.Status.labels,
        free_text=[],
        assert_accessible=assert_accessible,
    )
