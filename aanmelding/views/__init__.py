"""Sub-pages of the registration and evening pages that are not their form (routed in ``aanmelding.urls``)."""
