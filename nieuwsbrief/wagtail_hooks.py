from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .admin import practice


class NieuwsbriefGroup(ModelAdminGroup):
    menu_label = "Nieuwsbrief"
    menu_icon = "mail"
    menu_order = 210
    # Each part of the app adds its admin class here.
    items = [
        practice.ThemeAdmin,
    ]


if NieuwsbriefGroup.items:
    modeladmin_register(NieuwsbriefGroup)
