"""URL shapes a visitor may type or copy from elsewhere."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("path", "target"),
    [
        # Static hosts serve pages as <path>/index.html and add a slash: such links still work.
        ("/sv/utvecklingsomraden/", "/sv/utvecklingsomraden"),
        ("/en/development-areas/ict/", "/en/development-areas/ict"),
        (
            "/en/development-areas/group/areas-of-strength/",
            "/en/development-areas/group/areas-of-strength",
        ),
        ("/sv", "/sv/"),
    ],
)
def test_slash_variants_redirect_permanently_to_the_page(client, path, target):
    response = client.get(path)
    assert response.status_code == 308
    # Relative: a redirect never names a host, least of all one a client chose.
    assert response.headers["Location"] == target
    assert client.get(target).status_code == 200


def test_a_slash_does_not_turn_an_unknown_page_into_a_redirect(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_behind_a_proxy_links_keep_its_scheme_and_host(make_client):

    # nginx forwards Host and says the scheme; a client may add any X-Forwarded-Host.
    forwarded = {
        "Host": "smart.example.org",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "evil.example",
    }
    direct = make_client()
    page = direct.get("/en/", headers=forwarded).get_data(as_text=True)
    assert '<link rel="canonical" href="http://smart.example.org/en/">' in page, "untrusted"
    proxied = make_client(PROXY_COUNT=1)
    response = proxied.get("/sv", headers=forwarded)
    assert response.headers["Location"] == "/sv/"
    page = proxied.get("/en/", headers=forwarded).get_data(as_text=True)
    assert '<link rel="canonical" href="https://smart.example.org/en/">' in page
    assert "evil.example" not in page
