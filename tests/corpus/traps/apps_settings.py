INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "apps.accounts",
    "apps.billing",
]
ROOT_URLCONF = "apps.urls"
