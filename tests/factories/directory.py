import factory
from django.utils.text import slugify

from directory.models import Organization, Sector
from directory.validators import cui_check_digit

# The sectors the data migration creates; tests that flush the database (live_server) recreate them.
SECTOR_NAMES = {
    "sector-1": "Sector 1",
    "sector-2": "Sector 2",
    "sector-3": "Sector 3",
    "sector-4": "Sector 4",
    "sector-5": "Sector 5",
    "sector-6": "Sector 6",
    "municipiu": "Municipiul București (întreg)",
}


def sector(slug):
    """The sector with this slug (sector-1 … sector-6, municipiu)."""
    found, _ = Sector.objects.get_or_create(
        slug=slug, defaults={"name": SECTOR_NAMES[slug], "sort_order": list(SECTOR_NAMES).index(slug)}
    )
    return found


def valid_cui(number):
    """A well-formed CUI: `number`'s digits followed by their check digit."""
    digits = str(number)
    return digits + str(cui_check_digit(digits))


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A published organization; `publish=False` leaves it a draft, `topics=[…]`/`sectors=[…]` set the relations."""

    name = factory.Sequence(lambda n: f"Asociația Exemplu {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organization.Kind.ASSOCIATION
    cui = factory.Sequence(lambda n: valid_cui(20_000_000 + n))
    description = "Lucrăm pentru comunitatea din cartier."
    email = factory.LazyAttribute(lambda o: f"contact@{o.slug}.example.org")
    live = False

    class Meta:
        model = Organization
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save()

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if extracted:
            obj.sectors.set([sector(item) if isinstance(item, str) else item for item in extracted])
            if create:
                obj.save()

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if not create:
            return
        revision = obj.save_revision()
        if extracted is not False:
            revision.publish()
        obj.refresh_from_db()
