from django.urls import path

from . import views

# Under /admin/ (registered through Wagtail's register_admin_urls hook, so a login is required).
urlpatterns = [
    path("tweestapsverificatie/instellen/", views.setup, name="adminlogin_setup"),
    path("tweestapsverificatie/code/", views.verify, name="adminlogin_verify"),
    path("tweestapsverificatie/herstelcodes/", views.recovery_codes, name="adminlogin_recovery_codes"),
    path("tweestapsverificatie/herstelcodes/nieuw/", views.new_recovery_codes, name="adminlogin_new_recovery_codes"),
    path("tweestapsverificatie/wissen/<int:user_id>/", views.reset_user, name="adminlogin_reset_user"),
]
