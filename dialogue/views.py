"""The dialogue's pages: the threads (/dialog/), a thread with its replies, the forms that open, answer, correct,
mark and close threads, and "Contul meu" → my discussions.

Every change goes through dialogue.services, which decide who may (PermissionDenied: 403) and what is valid
(ValidationError, RateLimited: the page again with what was typed, a Romanian message, 400 or 429); permissions say
what to offer, selectors what to show. A members-only thread sends an anonymous reader to the login page, never its
content; a thread the reader may not open answers 404.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from members.decorators import member_required
from participation.models import ModerationState
from participation.moderation import block_reason
from website.models import SiteSettings
from website.pagination import paginate
from website.ratelimit import RateLimited

from . import permissions, selectors, services
from .feeds import ThreadFeed  # noqa: F401 (dialogue.urls names it views.ThreadFeed)
from .filters import SOLVED, UNANSWERED, ThreadFilterSet
from .forms import EditForm, ReplyForm, ThreadForm
from .models import Post, Thread, ThreadKind, dialogue_settings

PER_PAGE = 20
# Ids past the database's bigint range answer "not found" rather than an overflow error.
MAX_ID = 2**63 - 1
THREADS, REPLIES = "discutii", "raspunsuri"


def _add_errors(form, error):
    """A service's ValidationError on the form: on its field when the form shows it, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            visible = field in form.fields and not form.fields[field].widget.is_hidden
            form.add_error(field if visible else None, errors)
    else:
        form.add_error(None, error)


def _refused(form, error):
    """The status of a form page shown again after the service refused it: 429 for too many posts, else 400."""
    _add_errors(form, error)
    return 429 if isinstance(error, RateLimited) else 400


def _blocked_message(user):
    reason = block_reason(user)
    if not reason:
        return ""
    return _("The moderators have stopped you from submitting content. Reason: %(reason)s") % {"reason": reason}


def _integer(value):
    return int(value) if value and value.isdigit() and 0 < len(value) < 19 else None


def _thread(pk):
    thread = selectors.thread_for_page(pk) if 0 < pk <= MAX_ID else None
    if thread is None:
        raise Http404
    return thread


def _readable_thread(request, pk):
    """The thread `pk` if the reader may open it, else 404 (members' POSTs, whose login was already asked for)."""
    thread = _thread(pk)
    if not permissions.can_read(request.user, thread):
        raise Http404
    return thread


def _group(request):
    """The dialogue's rules and the members' private group: its link only for logged-in members."""
    group_url = SiteSettings.for_request(request).discussion_group_url
    return {
        "rules": dialogue_settings(request).rules,
        "group_exists": bool(group_url),
        "group_url": group_url if request.user.is_authenticated else "",
    }


# The threads


@require_GET
def thread_list(request):
    """`/dialog/`: the threads the reader may open, by latest activity, with filters and counts."""
    user = request.user
    filters = ThreadFilterSet(request.GET, Thread.objects.visible_to(user))
    filters.facets()  # the options' counts, on the form's labels
    page_obj = paginate(request, filters.qs.for_listing(), PER_PAGE)
    index_url = reverse("dialogue:index")
    context = {
        "filters": filters,
        "filter_form": filters.form,
        "ignored_filters": filters.ignored_filters(),
        "page_obj": page_obj,
        "threads": page_obj.object_list,
        "unanswered_count": selectors.unanswered_requests_count(user),
        "unanswered_url": f"{index_url}?tip={ThreadKind.ASSISTANCE.value}&stare={UNANSWERED}",
        "solved_url": f"{index_url}?tip={ThreadKind.ASSISTANCE.value}&stare={SOLVED}",
        **_group(request),
    }
    return render(request, "dialogue/thread_list.html", context)


@require_GET
def thread_detail(request, pk):
    """`/dialog/<pk>/`: a thread and its replies, the answer that helped first, and the reply form."""
    thread = _thread(pk)
    if not permissions.can_read(request.user, thread):
        if not request.user.is_authenticated and thread.moderation_state == ModerationState.APPROVED:
            # A members-only thread: the login page, then the thread.
            return redirect_to_login(request.get_full_path())
        raise Http404
    return _render_thread(request, thread)


def _render_thread(request, thread, *, reply_form=None, status=200):
    """The thread's page; `reply_form` is a refused reply (bound, with its errors) shown again with what was typed."""
    user = request.user
    authenticated = user.is_authenticated
    window = dialogue_settings(request).edit_window_minutes
    now = timezone.now()
    replies = selectors.replies(thread, user)
    published = thread.moderation_state == ModerationState.APPROVED
    may_write = authenticated and permissions.can_write(user)
    for post in replies:
        post.can_edit = _can_edit(user, post, window, now, may_write)
        # Members report published replies of a published thread, not their own (report_create decides).
        post.can_report = authenticated and post.author_id != user.pk and post.is_public and published

    can_reply = may_write and permissions.can_reply(user, thread)
    blocked = _blocked_message(user) if authenticated and not may_write else ""
    if reply_form is None and can_reply:
        reply_form = ReplyForm(
            initial={"quote": _quotable(request.GET.get("citeaza"), replies)},
            organizations=selectors.member_organizations(user),
        )
    quoted = None
    if reply_form is not None:
        value = reply_form["quote"].value()
        quoted = next((post for post in replies if str(post.pk) == str(value)), None)

    context = {
        "thread": thread,
        "replies": replies,
        "published": published,
        "thread_can_edit": _can_edit(user, thread, window, now, may_write),
        "thread_can_report": authenticated and thread.author_id != user.pk and published,
        "can_mark": published and permissions.can_mark_answer(user, thread),
        "can_lock": authenticated and permissions.can_lock(user),
        "reply_form": reply_form,
        "quoted": quoted,
        "blocked_message": blocked,
        "edit_window": window,
        **_group(request),
    }
    return render(request, "dialogue/thread_detail.html", context, status=status)


def _can_edit(user, post, window, now, may_write):
    """permissions.can_edit, told whether the reader may write (asked once per page, not once per reply)."""
    return may_write and permissions.can_edit(user, post, window_minutes=window, now=now, may_write=may_write)


def _quotable(value, replies):
    """The reply `?citeaza=<pk>` names, when the reader sees it under this thread; else nothing."""
    pk = _integer(value)
    return pk if pk and any(post.pk == pk for post in replies) else None


@member_required
@require_http_methods(["GET", "POST"])
def thread_create(request):
    """`/dialog/nou/`: a member opens a discussion or an assistance request."""
    user = request.user
    form = ThreadForm(request.POST or None, organizations=selectors.member_organizations(user))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                thread = services.thread_create(
                    user=user,
                    title=data["title"],
                    text=data["text"],
                    kind=data["kind"],
                    visibility=data["visibility"],
                    topics=data["topics"],
                    organization=form.chosen_organization(),
                    request=request,
                )
            except ValidationError as error:  # also RateLimited
                status = _refused(form, error)
            else:
                if thread.moderation_state == ModerationState.APPROVED:
                    messages.success(request, _("Your discussion was published."))
                else:
                    messages.success(
                        request,
                        _(
                            "Your discussion was sent. A moderator will read it before it is published; until then "
                            "only you see it."
                        ),
                    )
                return redirect(thread.get_absolute_url())
    blocked = _blocked_message(user)
    context = {
        "form": form,
        "blocked_message": blocked,
        "disabled": bool(blocked) and not form.is_bound,
        "rules": dialogue_settings(request).rules,
    }
    return render(request, "dialogue/thread_form.html", context, status=status)


@member_required
@require_http_methods(["GET", "POST"])
def reply(request, pk):
    """POST `/dialog/<pk>/raspunde/`: a member's reply (maybe quoting another); a GET goes back to the thread."""
    thread = _readable_thread(request, pk)
    if request.method == "GET":
        return redirect(thread.get_absolute_url() + "#raspunde")
    form = ReplyForm(request.POST, organizations=selectors.member_organizations(request.user))
    status = 400
    if form.is_valid():
        quote = None
        if form.cleaned_data["quote"]:
            quote = Post.objects.filter(pk=form.cleaned_data["quote"]).first()
            if quote is None:
                form.add_error(None, _("You can quote only a reply of this discussion."))
        if form.is_valid():
            try:
                post = services.reply_create(
                    thread=thread,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    quote=quote,
                    organization=form.chosen_organization(),
                    request=request,
                )
            except ValidationError as error:  # also RateLimited
                status = _refused(form, error)
            else:
                if post.moderation_state == ModerationState.APPROVED:
                    messages.success(request, _("Your reply was published."))
                else:
                    messages.success(
                        request,
                        _(
                            "Your reply was sent. A moderator will read it before it is published; until then only "
                            "you see it."
                        ),
                    )
                return redirect(post.get_absolute_url())
    thread.refresh_from_db()  # a moderator may have closed it meanwhile: the page says so
    return _render_thread(request, thread, reply_form=form, status=status)


# Corrections


@member_required
@require_http_methods(["GET", "POST"])
def thread_edit(request, pk):
    """`/dialog/<pk>/modifica/`: the author corrects the title and text within the edit window."""
    thread = _readable_thread(request, pk)
    return _edit(request, thread, thread)


@member_required
@require_http_methods(["GET", "POST"])
def reply_edit(request, pk):
    """`/dialog/raspunsuri/<pk>/modifica/`: the author corrects a reply within the edit window."""
    post = Post.objects.select_related("thread").filter(pk=pk).first() if 0 < pk <= MAX_ID else None
    if post is None or not permissions.can_read(request.user, post.thread):
        raise Http404
    return _edit(request, post, post.thread)


def _edit(request, post, thread):
    user = request.user
    if post.author_id != user.pk:
        raise PermissionDenied
    is_thread = post is thread
    back = thread.get_absolute_url() if is_thread else post.get_absolute_url()
    window = dialogue_settings(request).edit_window_minutes
    if request.method == "GET" and not permissions.can_edit(user, post, window_minutes=window):
        messages.error(request, _why_not_editable(user, thread, window))
        return redirect(back)
    initial = {"title": thread.title, "text": post.text}
    form = EditForm(request.POST or None, initial=initial, with_title=is_thread)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            was_public = post.is_public
            try:
                services.post_edit(
                    post=post,
                    user=user,
                    text=form.cleaned_data["text"],
                    title=form.cleaned_data.get("title"),
                    request=request,
                )
            except ValidationError as error:  # also RateLimited
                status = _refused(form, error)
            else:
                if was_public and not post.is_public:
                    messages.success(
                        request,
                        _("Your changes were saved. A moderator will read them before they are published again."),
                    )
                else:
                    messages.success(request, _("Your changes were saved."))
                return redirect(back)
    context = {"form": form, "post": post, "thread": thread, "is_thread": is_thread, "edit_window": window}
    return render(request, "dialogue/post_form.html", context, status=status)


def _why_not_editable(user, thread, window):
    if blocked := _blocked_message(user):
        return blocked
    if thread.is_locked:
        return _("This discussion is closed: it no longer takes replies.")
    return _("This can no longer be edited: authors may edit for %(minutes)d minutes after writing.") % {
        "minutes": window
    }


# The answer that helped, closing


@member_required
@require_POST
def answer_mark(request, pk):
    """POST `reply=<pk>` (or `unmark`): the person who asked marks the reply that helped; it shows first."""
    thread = _readable_thread(request, pk)
    url = thread.get_absolute_url()
    if "unmark" in request.POST:
        services.answer_unmark(thread=thread, user=request.user)
        messages.success(request, _("The reply is no longer marked as the one that helped."))
        return redirect(url)
    reply_id = _integer(request.POST.get("reply"))
    chosen = Post.objects.filter(pk=reply_id, thread=thread).first() if reply_id else None
    if chosen is None:
        if not permissions.can_mark_answer(request.user, thread):
            raise PermissionDenied
        messages.error(request, _("Choose one of the replies of this request."))
        return redirect(url)
    try:
        services.answer_mark(thread=thread, reply=chosen, user=request.user, request=request)
    except ValidationError as error:  # also RateLimited
        for message in error.messages:
            messages.error(request, message)
        return redirect(url)
    messages.success(request, _("Thank you: the reply that helped now shows first, and its author was told."))
    return redirect(f"{url}#raspuns-{chosen.pk}")


@member_required
@require_POST
def thread_lock(request, pk):
    """POST `action=lock` (with `reason`) or `action=unlock`: a moderator closes or reopens a thread."""
    thread = _readable_thread(request, pk)
    if request.POST.get("action") == "unlock":
        services.thread_unlock(thread=thread, by=request.user)
        messages.success(request, _("The discussion was reopened: members can reply again."))
    else:
        services.thread_lock(thread=thread, by=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, _("The discussion was closed: it stays readable and takes no more replies."))
    return redirect(thread.get_absolute_url())


# "Contul meu"


@member_required
@require_GET
def my_posts(request):
    """ "Contul meu" → my discussions: the member's threads or replies, with their moderation state and reason."""
    user = request.user
    view = REPLIES if request.GET.get("vedere") == REPLIES else THREADS
    threads = selectors.threads_of(user)
    replies = selectors.replies_of(user)
    page_obj = paginate(request, replies if view == REPLIES else threads, PER_PAGE)
    context = {
        "view": view,
        "THREADS": THREADS,
        "REPLIES": REPLIES,
        "thread_count": threads.count(),
        "reply_count": replies.count(),
        "page_obj": page_obj,
        "items": page_obj.object_list,
    }
    return render(request, "dialogue/my_posts.html", context)
