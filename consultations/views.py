"""Members' views: sending a recommendation, the authority's answer, "Contul meu" → my recommendations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from directory.models import Organization
from website.ratelimit import RateLimited

from . import selectors, services
from .forms import ResponseForm
from .models import Response


def _add_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def respond(request, page):
    """POST `<consultation>/recomandare/`: send a recommendation; on any error the page shows the form again."""
    if request.method != "POST":
        return redirect(page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    form = ResponseForm(request.POST, request.FILES, organizations=selectors.member_organizations(request.user))
    status = 400
    if form.is_valid():
        try:
            services.response_submit(
                consultation=page,
                user=request.user,
                organization=form.chosen_organization(),
                data=form.cleaned_data,
                request=request,
            )
        except RateLimited as error:
            _add_errors(form, error)
            status = 429
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Thank you: your recommendation was sent. A moderator will read it."))
            return redirect(page.url + "#recomandari")
    context = page.get_context(request)
    context.update(selectors.consultation_page_context(page, request, response_form=form))
    context["response_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


def debate_request(request, page):
    """POST `<consultation>/dezbatere/`: an organization's administrator asks for a public debate."""
    if request.method != "POST":
        return redirect(page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    organization = Organization.objects.filter(pk=_integer(request.POST.get("organization"))).first()
    try:
        services.debate_request(consultation=page, user=request.user, organization=organization, request=request)
    except PermissionDenied:
        messages.error(request, _("Only an administrator of the organization can ask for a public debate."))
    except ValidationError as error:  # also RateLimited
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(organization)s asked for a public debate. The authority will announce its date on this page.")
            % {"organization": organization.name},
        )
    return redirect(page.url + "#dezbatere")


def _integer(value):
    return int(value) if value and value.isdigit() and len(value) < 18 else None


def answer(request, page, response_id):
    """POST `<consultation>/raspuns/<id>/`: the authority's answer to one approved recommendation."""
    if request.method != "POST":
        return redirect(page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    response = get_object_or_404(Response, pk=response_id, consultation=page)
    form = selectors.answer_form_for(response, request.POST)
    if form.is_valid():
        try:
            services.answer_record(
                response=response,
                by=request.user,
                verdict=form.cleaned_data["verdict"],
                justification=form.cleaned_data["justification"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The answer was saved."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(f"{page.url}#recomandare-{response.pk}")


@login_required
def my_responses(request):
    """ "Contul meu" → "Recomandările mele": every recommendation the member sent and its state."""
    return render(request, "consultations/my_responses.html", {"responses": selectors.responses_of(request.user)})


def attachment(request, pk):
    """A recommendation's attachment: public once approved, otherwise only for its author and moderators."""
    response = get_object_or_404(Response.objects.exclude(attachment=""), pk=pk)
    if not selectors.can_download_attachment(request.user, response):
        raise Http404
    try:
        handle = response.attachment.open("rb")
    except OSError as error:
        raise Http404 from error
    result = FileResponse(handle, as_attachment=True, filename=f"recomandare-{response.pk}{_suffix(response)}")
    result["X-Content-Type-Options"] = "nosniff"
    return result


def _suffix(response):
    name = response.attachment.name
    return name[name.rfind(".") :] if "." in name else ""
