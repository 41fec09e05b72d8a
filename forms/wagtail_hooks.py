from wagtail_modeladmin.options import modeladmin_register

from .outbox_admin import OutgoingMailAdmin

# The outbox, read-only, for the groups that hold forms.view_outgoingmail.
modeladmin_register(OutgoingMailAdmin)
