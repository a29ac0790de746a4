"""Every URL of ours x every role: no unauthorised success, and none left out of the matrix."""

import importlib
import pkgutil

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.permissions import ROLES, Case
from vernetzt.core.demo import load as load_site_pages

# URL namespaces that come from libraries with their own tests; ours are all the rest
# (the API's URLs are ours: tests/api/url_matrix.py).
FOREIGN = ("admin:",)
FOREIGN_NAMES_WITHOUT_NAMESPACE = True  # allauth's names (account_login, ...) have no namespace


def _our_url_names(patterns=None, namespace=""):
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _our_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and namespace:
            names.add(f"{namespace}{pattern.name}")
    return {name for name in names if not name.startswith(FOREIGN)}


def _all_cases() -> list[Case]:
    cases = []
    for module_info in pkgutil.iter_modules(tests.__path__):
        if not module_info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{module_info.name}.url_matrix")
        except ModuleNotFoundError:
            continue
        cases.extend(module.CASES)
    return cases


CASES = _all_cases()


def test_every_url_is_in_the_matrix():
    covered = {case.name for case in CASES}
    missing = sorted(_our_url_names() - covered)
    assert missing == [], f"add these URL names to a tests/<app>/url_matrix.py: {missing}"


def _client_for(world, role):
    client = Client()
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.method}-{case.name}")
def test_role_matrix(case, world, settings):
    load_site_pages(stdout=open("/dev/null", "w"))  # noqa: SIM115 - the legal pages exist
    url = reverse(case.name, kwargs=case.kwargs(world)) + case.query
    for role in ROLES:
        client = _client_for(world, role)
        extra = {"content_type": case.content_type} if case.content_type else {}
        response = getattr(client, case.method)(url, case.data(world), **extra)
        status = response.status_code
        assert status < 500, f"{role} got {status} on {url}"
        if role in case.allowed:
            assert status not in (401, 403, 404), f"{role} was refused ({status}) on {url}"
            if status == 302:
                assert "/konto/login/" not in response["Location"], f"{role} sent to login"
        else:
            refused = status in (403, 404) or (
                status == 302 and "/konto/login/" in response["Location"]
            )
            assert refused, f"{role} was not refused on {url}: {status}"
