"""The two-step sign-in: password, then a code from an authenticator app (or a backup code).

After the password step the user is signed in but not verified; ``RequireSecondFactor``
(accounts.middleware) lets such a session reach only these pages until the second step.
First sign-in walks the user through setting up the app (a QR code and the secret as text).
"""

import base64

import segno
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from .. import services
from ..forms import BackupCodeForm, CodeForm, LoginForm
from ..middleware import session_started

WRONG_CODE = "The code is not right: enter the newest 6-digit code the app shows for ARMS"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("home")


def _with_next(name: str, request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return reverse(name) + (f"?{urlencode({'next': target})}" if target else "")


class SignInView(LoginView):
    """Step one. django-axes counts failures (AxesStandaloneBackend) and answers a locked
    account with ``locked_out`` below."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = False

    def form_valid(self, form):
        user = form.get_user()
        auth_login(self.request, user)
        session_started(self.request)
        services.sign_in_recorded(user=user, step="password")
        step = "login_code" if services.confirmed_totp(user) else "login_enrol"
        return redirect(_with_next(step, self.request))

    def form_invalid(self, form):
        if not getattr(self.request, "axes_locked_out", False):
            # Only a username that passed the field's checks is looked up (no NUL, ≤ 150).
            username = form.cleaned_data.get("username") or ""
            services.sign_in_failed(username=username, reason="Wrong username or password")
        return super().form_invalid(form)


# LoginView would also take PUT (as a POST without data): GET and POST only, as every view.
sign_in = login_not_required(require_http_methods(["GET", "POST"])(SignInView.as_view()))


def _finish(request, device, step: str):
    otp_login(request, device)
    services.sign_in_recorded(user=request.user, step=step)
    return redirect(_next_url(request))


@require_http_methods(["GET", "POST"])
def code(request):
    """Step two: the 6-digit code from the authenticator app."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if services.confirmed_totp(request.user) is None:
        return redirect(_with_next("login_enrol", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.verify_code(user=request.user, token=form.cleaned_data["code"])
        if device is not None:
            return _finish(request, device, "code")
        services.sign_in_failed(username=request.user.username, reason="Wrong authenticator code")
        form.add_error("code", WRONG_CODE)
    return render(request, "accounts/code.html", {"form": form, "next": request.GET.get("next")})


@require_http_methods(["GET", "POST"])
def backup(request):
    """A lost or broken phone: one of the backup codes, each usable once."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = BackupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.verify_backup_code(user=request.user, token=form.cleaned_data["code"])
        if device is not None:
            return _finish(request, device, "backup")
        services.sign_in_failed(username=request.user.username, reason="Wrong backup code")
        form.add_error("code", "That backup code is not right, or it has been used already")
    return render(request, "accounts/backup.html", {"form": form, "next": request.GET.get("next")})


def _qr_data_uri(url: str) -> str:
    # An image, not inline SVG markup: the page's CSP allows `data:` images and no inline style.
    return segno.make(url, error="m").svg_data_uri(scale=5, dark="#0b0c0c", light="#ffffff")


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@require_http_methods(["GET", "POST"])
def enrol(request):
    """First sign-in (or after a reset): set up the authenticator app, then the backup codes."""
    if services.confirmed_totp(request.user) is not None:
        return redirect(_with_next("login_code", request))
    device = services.mfa_enrolment_start(user=request.user)
    form = CodeForm(request.POST or None, submit="Confirm and continue")
    if request.method == "POST" and form.is_valid():
        codes = services.mfa_enrolment_confirm(
            user=request.user, device=device, token=form.cleaned_data["code"]
        )
        if codes is not None:
            otp_login(request, device)
            services.sign_in_recorded(user=request.user, step="code")
            context = {"codes": codes, "next": _next_url(request)}
            response = render(request, "accounts/backup_codes.html", context)
            response["Cache-Control"] = "no-store"
            return response
        form.add_error("code", WRONG_CODE)
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr": _qr_data_uri(device.config_url),
        "secret": _grouped(secret),
        "next": request.GET.get("next"),
    }
    response = render(request, "accounts/enrol.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def sign_out(request):
    if request.user.is_authenticated:
        services.signed_out_recorded(user=request.user)
    auth_logout(request)
    return redirect("login")


@require_POST
def keep_alive(request):
    """The "Stay signed in" button of the timeout warning: a request resets the idle clock."""
    return HttpResponse(status=204)


@login_not_required
def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): a GOV.UK page, audited."""
    # The typed name only finds the account (services._account_named refuses hostile text).
    username = str((credentials or {}).get("username") or request.POST.get("username", ""))
    services.locked_out_recorded(username=username)
    return render(request, "accounts/locked.html", status=403)
