"""Listing filters: one django-filter `FilterSet` per listing, read by its page and by the API.

Parameters and their values are Romanian (`?stare=deschis&tema=mediu`). Each option of a counted filter says how
many results choosing it would give, counted against the other filters (one aggregate query per filter, whatever
the number of rows or options). The website is *lenient*: a value that is not understood (unknown, malformed,
repeated with different values) is dropped and reported with `ignored_filters()`, never an error page. The API is
*strict*: `from_api()` reads the same filters under its English parameter names and answers such a value with
a 400 and a JSON message (in English, for developers).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.api.v2.utils import BadRequestError

from .collation import romanian
from .models import Topic

MAX_VALUES_PER_FILTER = 30
# PostgreSQL refuses NUL characters in text parameters: the replacement character keeps such a value unknown.
NUL_REPLACEMENT = "\ufffd"
TOO_MANY_VALUES = _("At most %(count)d values.")
REPEATED_VALUE = _("Choose a single value.")


def topic_options(filterset=None):
    """Every topic, by slug, in Romanian alphabetical order: the options of each listing's topic filter."""
    return Topic.objects.order_by(romanian("name")).values_list("slug", "name")


def _query_dict(data):
    """A QueryDict from a plain mapping of names to a value or a list of values."""
    query = QueryDict(mutable=True)
    for name, value in data.items():
        query.setlist(name, value if isinstance(value, list | tuple) else [value])
    return query


def _reason(message):
    return str(message) % {"count": MAX_VALUES_PER_FILTER} if message is TOO_MANY_VALUES else str(message)


@dataclass(frozen=True)
class Option:
    """One value of a filter, as a reader sees it: "Deschis (12)"."""

    value: str
    label: str
    count: int
    selected: bool


class FilterForm(forms.Form):
    """The form of a listing's filters; knows its filter set, so templates can ask how many filters are applied."""

    filterset = None

    def active_count(self):
        """How many values narrow the results (the "Filtre (N active)" button says it); ordering does not."""
        return self.filterset.active_count() if self.filterset else 0


class ListingFilterMixin:
    """What a listing filter adds to django-filter's: a `Q` per value, counting, aliases and its API name.

    - `condition`: `value -> Q` selecting the rows that value keeps (default: `field_name` equals the value), or
      the name of a filter-set method doing so;
    - `count_by`: a path to group rows by when counting options (one GROUP BY); without it, each option is
      counted by its `condition` in one aggregate;
    - `options`: `filterset -> [(value, label)]`, for choices read from the database (read once per request);
    - `aliases`: older or alternative spellings of values (`{"accepting": "deschis"}`), so old links keep working;
    - `api_name`: the parameter's name in the API (None: not offered there).
    """

    counted = True
    multiple = False

    def __init__(
        self, *args, condition=None, count_by=None, options=None, aliases=None, api_name=None, counted=None, **kwargs
    ):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.condition_function = condition
        self.count_by = count_by
        self.options = options
        self.aliases = aliases or {}
        self.api_name = api_name
        if counted is not None:
            self.counted = counted

    def condition(self, value):
        if isinstance(self.condition_function, str):  # a method of the filter set, reading its context (`now`)
            return getattr(self.parent, self.condition_function)(value)
        if self.condition_function:
            return self.condition_function(value)
        if self.multiple:
            return Q(**{f"{self.field_name}__in": value})
        return Q(**{self.field_name: value})

    def filter(self, queryset, value):
        if value in ([], (), "", None):
            return queryset
        return queryset.filter(self.condition(value))

    def normalise(self, value):
        return self.aliases.get(value, self.aliases.get(value.lower(), value))

    def option_conditions(self):
        return {value: self.condition([value] if self.multiple else value) for value, _label in self.choices()}

    def choices(self):
        return [(value, label) for value, label in self.extra.get("choices", []) if value != ""]


class ChoiceFilter(ListingFilterMixin, django_filters.ChoiceFilter):
    """One value among a list (`?stare=deschis`)."""


def topic_filter(*, empty_label):
    """The topic filter the page listings share: `tema=<slug>` on the website, `topic=<slug>` in the API."""
    return ChoiceFilter(
        label=_("Topic"),
        empty_label=empty_label,
        options=topic_options,
        field_name="topics__slug",
        count_by="topics__slug",
        api_name="topic",
    )


class MultipleChoiceFilter(ListingFilterMixin, django_filters.MultipleChoiceFilter):
    """Several values of one list, which widen the results (`?sector=sector-3&sector=sector-4`)."""

    multiple = True


class YesNoFilter(ChoiceFilter):
    """`da` or `nu` (also 1/0, true/false, yes/no, on/off): rows whose boolean field has that value."""

    YES_NO_ALIASES = {
        "1": "da",
        "true": "da",
        "yes": "da",
        "on": "da",
        "0": "nu",
        "false": "nu",
        "no": "nu",
        "off": "nu",
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("da", _("Yes")), ("nu", _("No"))])
        kwargs.setdefault("aliases", self.YES_NO_ALIASES)
        super().__init__(*args, **kwargs)

    def condition(self, value):
        return Q(**{self.field_name: value == "da"})


class SearchFilter(ListingFilterMixin, django_filters.CharFilter):
    """Free text; `condition` turns it into a `Q` (every word must match)."""

    counted = False

    def __init__(self, *args, max_length=200, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_length = max_length

    def normalise(self, value):
        return value[: self.max_length].strip()


def day_start(day):
    """The first moment of a calendar day in Bucharest (the site's time zone)."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


class DateFilter(SearchFilter):
    """A calendar day (YYYY-MM-DD) in Bucharest, both ends of a range included; not counted.

    `lookup_expr="gte"` keeps rows whose `field_name` (a moment) falls on that day or later, `"lte"` on that day or
    earlier; a `condition` replaces both.
    """

    field_class = forms.DateField
    LOOKUPS = ("gte", "lte")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(*args, max_length=20, **kwargs)
        if self.condition_function is None and self.lookup_expr not in self.LOOKUPS:
            raise ValueError(f"DateFilter needs a condition or lookup_expr in {self.LOOKUPS}")

    def condition(self, day):
        if self.condition_function:
            return super().condition(day)
        # The calendar's first and last days bound nothing, and their moments overflow in UTC.
        if self.lookup_expr == "gte":
            return Q(**{f"{self.field_name}__gte": day_start(day)}) if day > date.min else Q()
        return Q(**{f"{self.field_name}__lt": day_start(day + timedelta(days=1))}) if day < date.max else Q()


class OrderingFilter(ChoiceFilter):
    """The order of the results (`?ordine=recente`): not a filter, so neither counted nor "active"."""

    counted = False

    def filter(self, queryset, value):
        return queryset


class ListingFilterSet(django_filters.FilterSet):
    """A listing's filters. Subclasses declare filters (Romanian names) and may define `order(queryset, value)`.

    `parameter_aliases` maps a former parameter name to its current one, so bookmarked links keep working.
    """

    parameter_aliases = {}
    ordering_parameter = "ordine"

    class Meta:
        form = FilterForm

    def __init__(self, data=None, queryset=None, *, request=None, strict=False, **context):
        self.strict = strict
        self.context = context  # values the conditions read, such as `now`, fixed once for listing and counts
        self.problems = {}  # parameter: (value, reason) found before the form could validate it
        super().__init__(None, queryset, request=request)
        if data is not None:
            self.is_bound = True
            self.data = self._normalised(data if isinstance(data, QueryDict) else _query_dict(data))
        for name, filter_ in self.filters.items():
            # The API neither shows nor counts options: it reads those of the filters it was given only.
            if getattr(filter_, "options", None) and (not strict or name in self.data):
                filter_.extra["choices"] = list(filter_.options(self))

    @classmethod
    def from_api(cls, query, queryset, **context):
        """The filter set of an API request: English names, comma-separated values, strict (400 on a bad value)."""
        data = QueryDict(mutable=True)
        for name, filter_ in cls.base_filters.items():
            api_name = getattr(filter_, "api_name", None)
            if not api_name or api_name not in query:
                continue
            value = query[api_name]
            values = [part for part in value.split(",") if part.strip()] if filter_.multiple else [value]
            if not values or not "".join(values).strip():
                raise BadRequestError(f"{api_name}: give a value")
            data.setlist(name, values)
        filterset = cls(data, queryset, strict=True, **context)
        filterset.check()
        return filterset

    @classmethod
    def api_parameters(cls):
        return frozenset(name for f in cls.base_filters.values() if (name := getattr(f, "api_name", None)))

    @property
    def form(self):
        form = super().form
        if form.filterset is None:
            form.filterset = self
            if self.problems:
                # Shown next to the field, like a value the field itself refused.
                form.is_valid()
                for name, (_value, reason) in self.problems.items():
                    form.add_error(name, _reason(reason))
        return form

    def _normalised(self, data):
        """`data` with current names, known values only once, NUL replaced, and empty values left out."""
        normalised = QueryDict(mutable=True)
        names = {name: name for name in self.filters} | {
            old: new for old, new in self.parameter_aliases.items() if new in self.filters
        }
        collected = {}
        for given_name, current_name in names.items():
            for raw in data.getlist(given_name):
                value = str(raw).replace("\x00", NUL_REPLACEMENT).strip()
                if value:
                    collected.setdefault(current_name, []).append(value)
        for name, raw_values in collected.items():
            filter_ = self.filters[name]
            normalise = getattr(filter_, "normalise", lambda value: value)
            values = list(dict.fromkeys(normalise(value) for value in raw_values))
            values = [value for value in values if value]
            if not values:
                continue
            if getattr(filter_, "multiple", False):
                if len(values) > MAX_VALUES_PER_FILTER:
                    self.problems[name] = (", ".join(values[:3]) + ", …", TOO_MANY_VALUES)
                    continue
                normalised.setlist(name, values)
            elif len(values) > 1:
                self.problems[name] = (", ".join(values), REPEATED_VALUE)
            else:
                normalised[name] = values[0]
        return normalised

    # Validation

    def valid_values(self):
        """{name: cleaned value} of the filters that were given and understood."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        cleaned = getattr(self.form, "cleaned_data", {})
        return {
            name: value
            for name, value in cleaned.items()
            if value not in ([], (), "", None) and name not in self.problems
        }

    def ignored_filters(self):
        """(label, value, reason) for each parameter that was not understood and so not applied."""
        if not self.is_bound:
            return []
        ignored = []
        self.form.is_valid()
        for name, errors in self.form.errors.items():
            if name in self.filters:
                value = self.problems[name][0] if name in self.problems else ", ".join(self.data.getlist(name))
                ignored.append((self.filters[name].label, value, " ".join(str(error) for error in errors)))
        return ignored

    def check(self):
        """Strict mode: raise BadRequestError (a 400 with a JSON message) for the first value not understood."""
        with translation.override("en"):
            for name, (_value, reason) in self.problems.items():
                raise BadRequestError(f"{self._api_name(name)}: {_reason(reason)}")
            self.form.is_valid()
            for name, errors in self.form.errors.as_data().items():
                raise BadRequestError(self._api_message(name, errors[0]))

    def _api_name(self, name):
        return getattr(self.filters.get(name), "api_name", None) or name

    def _api_message(self, name, error):
        filter_ = self.filters[name]
        api_name = self._api_name(name)
        given = self.data.getlist(name)
        if isinstance(filter_, YesNoFilter):
            return f"{api_name} must be true or false, not '{given[0]}'"
        if error.code == "invalid_choice":
            known = [value for value, _label in filter_.choices()]
            unknown = [value for value in given if value not in known]
            message = f"unknown {api_name}: {', '.join(unknown)}"
            if len(known) <= MAX_VALUES_PER_FILTER:
                message += f"; use one of: {', '.join(known)}"
            return message
        return f"{api_name}: {' '.join(error.messages)}"

    # Filtering

    def filter_queryset(self, queryset):
        queryset = self.apply(queryset)
        order = getattr(self, "order", None)
        if order:
            queryset = order(queryset, self.valid_values().get(self.ordering_parameter) or None)
        return queryset

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self._qs = self.filter_queryset(self.queryset.all())
        return self._qs

    def apply(self, queryset, *, skip=None):
        """`queryset` narrowed by every understood filter except `skip` (so as to count that filter's options)."""
        for name, value in self.valid_values().items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def active_count(self):
        """How many values narrow the results; the ordering is not a filter."""
        values = self.valid_values()
        return sum(
            len(value) if getattr(self.filters[name], "multiple", False) else 1
            for name, value in values.items()
            if not isinstance(self.filters[name], OrderingFilter)
        )

    @property
    def is_filtered(self):
        return bool(self.active_count())

    # Counting

    def facets(self):
        """{name: [Option, …]} for every counted filter, each counted against the other filters (not itself).

        One query per counted filter. The form's options are relabelled with their counts ("Deschis (12)").
        """
        if hasattr(self, "_facets"):
            return self._facets
        chosen = self.valid_values()
        self._facets = {}
        for name, filter_ in self.filters.items():
            if not getattr(filter_, "counted", False):
                continue
            counts = self._counts(filter_, self.apply(self.queryset, skip=name).order_by())
            selected = chosen.get(name)
            selected = set(selected or ()) if filter_.multiple else {selected}
            self._facets[name] = [
                Option(value, label, counts.get(value, 0), value in selected) for value, label in filter_.choices()
            ]
            # The form's own empty choice ("Orice temă") is added back by django-filter's field.
            self.form.fields[name].choices = [
                (option.value, f"{option.label} ({option.count})") for option in self._facets[name]
            ]
        return self._facets

    def _counts(self, filter_, rows):
        if filter_.count_by:
            model = rows.model
            grouped = (
                model._default_manager.filter(pk__in=rows.values("pk"))
                .order_by()
                .values_list(filter_.count_by)
                .annotate(count=Count("pk", distinct=True))
            )
            return {str(value): count for value, count in grouped}
        conditions = filter_.option_conditions()
        if not conditions:
            return {}
        keys = {f"option_{position}": value for position, value in enumerate(conditions)}
        totals = rows.aggregate(
            **{key: Count("pk", filter=conditions[value], distinct=True) for key, value in keys.items()}
        )
        return {value: totals[key] for key, value in keys.items()}
