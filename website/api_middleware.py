"""HTTP behaviour shared by every answer under /api/v2/ (the router's endpoints, present and future, and openapi.json).

- CORS open for reading: `Access-Control-Allow-Origin: *` on every answer (errors too, so that a browser can read
  them), and an OPTIONS (preflight) answered here with the methods GET, HEAD, OPTIONS; no credentials.
- A per-client rate limit (settings.RATE_LIMITS["api"], counted by `website.ratelimit`): past it, a 429 in the
  API's error shape (`{"message": …}`) with `Retry-After`.
- Conditional GET: an `ETag` on every successful GET/HEAD (unless the view set one), a 304 for a matching
  `If-None-Match`, `Cache-Control: public, max-age=API_CACHE_SECONDS` and `Vary` on what the answer depends on
  (the Accept and Accept-Language headers). The API reads no account, so its answers are the same for everyone.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag

from .ratelimit import RateLimited, consume, parse_rate

API_PREFIX = "/api/v2/"
RATE_LIMIT_ACTION = "api"
SAFE_METHODS = ("GET", "HEAD")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type, If-Modified-Since, If-None-Match"
# How long a browser keeps a preflight answer.
PREFLIGHT_MAX_AGE = 86400
# The headers a partner's script may read besides the CORS-safelisted ones.
EXPOSED_HEADERS = "ETag, Retry-After"


class APIHTTPMiddleware:
    """CORS, rate limit, ETag and cache headers for every request whose path starts with API_PREFIX."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        try:
            consume(request, RATE_LIMIT_ACTION)
        except RateLimited:
            return _with_cors(_too_many_requests())
        if request.method == "OPTIONS":
            return _with_cors(_preflight())
        response = self.get_response(request)
        if request.method in SAFE_METHODS and response.status_code == 200 and not response.streaming:
            response = _conditional(request, response)
        return _with_cors(response)


def _conditional(request, response):
    if not response.has_header("ETag"):
        set_response_etag(response)
    if not response.has_header("Cache-Control"):
        if response.cookies:
            patch_cache_control(response, private=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
    patch_vary_headers(response, ("Accept", "Accept-Language"))
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _preflight():
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def retry_after():
    """Seconds until the client's counter starts again: at most the longest window of the API's limits."""
    return max(parse_rate(rate)[1] for rate in settings.RATE_LIMITS[RATE_LIMIT_ACTION].values())


def _too_many_requests():
    seconds = retry_after()
    response = JsonResponse(
        {"message": f"too many requests from this client: try again in {seconds} seconds"}, status=429
    )
    response["Retry-After"] = str(seconds)
    patch_cache_control(response, no_store=True)
    return response


def _with_cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response
