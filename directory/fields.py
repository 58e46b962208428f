"""An organization's public fields, named once: the API, the exports, the import and the profile form read them here.

The order is the open-data order (the CSV's columns); the export adds its informative columns (`id`,
`kind_label`, `profile_url`, `last_published_at`) around these. This module imports no model, so that
`directory.models` can read it too.
"""

# What the public sees of an organization: its profile, the API, the exports.
PUBLIC_FIELDS = [
    "name",
    "short_name",
    "slug",
    "kind",
    "cui",
    "registration_number",
    "founding_year",
    "description",
    "topics",
    "sectors",
    "address",
    "postal_code",
    "latitude",
    "longitude",
    "website",
    "email",
    "phone",
    "facebook_url",
    "linkedin_url",
    "instagram_url",
    "youtube_url",
    "logo",
    "social_service_provider",
    "social_enterprise_certified",
    "social_enterprise_certificate",
    "seeking_partners",
    "partnership_text",
    "verified",
]

# Public, but a file rather than a value: shown on the profile and in the API, never a spreadsheet column.
IMAGE_FIELDS = ["logo"]

# The public values a spreadsheet holds: the columns of the CSV export and of `import_organizations`.
TABULAR_FIELDS = [name for name in PUBLIC_FIELDS if name not in IMAGE_FIELDS]

# What an organization's administrators edit from "Contul meu" (registering it or proposing a change), in
# the form's order.
MEMBER_EDITABLE_FIELDS = [
    "name",
    "short_name",
    "kind",
    "cui",
    "registration_number",
    "founding_year",
    "description",
    "topics",
    "sectors",
    "address",
    "postal_code",
    "email",
    "phone",
    "website",
    "facebook_url",
    "linkedin_url",
    "instagram_url",
    "youtube_url",
    "social_service_provider",
    "social_enterprise_certified",
    "social_enterprise_certificate",
    "seeking_partners",
    "partnership_text",
]

# Public fields only staff change, in the Wagtail admin: the address, the map position, the logo, the check.
STAFF_ONLY_FIELDS = [name for name in PUBLIC_FIELDS if name not in MEMBER_EDITABLE_FIELDS]

# Many-to-many fields: set after the row exists, compared as sets.
RELATION_FIELDS = ["topics", "sectors"]
