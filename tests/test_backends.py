"""search/backends/__init__.py and the OpenSearch backend's connection handling, against fake servers only (no
cluster): malformed URLs are refused up front."""

import pytest

from search.backends import BackendSettings, opensearch_nodes
from search.cli import EXIT_USAGE, main
from search.errors import BadQueryError


@pytest.mark.parametrize("url, message", [
    ("", "the OpenSearch URL '' names no node: give http://host:port"),
    (",", "the OpenSearch URL ',' names no node: give http://host:port"),
    ("http://a:1,,http://b:2", "the OpenSearch URL '' is empty (a stray comma?): give http://host:port"),
    ("ftp://127.0.0.1:9200", "the OpenSearch URL 'ftp://127.0.0.1:9200' must start with http:// or https://"),
    ("127.0.0.1:9200", "the OpenSearch URL '127.0.0.1:9200' must start with http:// or https://"),
    ("http://127.0.0.1:9200/somepath", "the OpenSearch URL 'http://127.0.0.1:9200/somepath' must name a node only, "
                                       "without a path, query or fragment (http://host:port)"),
    ("http://127.0.0.1:9200?pretty", "the OpenSearch URL 'http://127.0.0.1:9200?pretty' must name a node only, "
                                     "without a path, query or fragment (http://host:port)"),
    ("http://127.0.0.1:9200#x", "the OpenSearch URL 'http://127.0.0.1:9200#x' must name a node only, "
                                "without a path, query or fragment (http://host:port)"),
    ("http://[::1", "the OpenSearch URL 'http://[::1' opens an IPv6 address with [ and never closes it "
                    "(http://[::1]:9200)"),
    ("http://[::1]", "the OpenSearch URL 'http://[::1]' must give a port after the host (http://[::1]:9200)"),
    ("http://[zz]:9200", "the OpenSearch URL 'http://[zz]:9200' has no valid IPv6 address between [ and ] ('zz')"),
    ("http://localhost", "the OpenSearch URL 'http://localhost' must give a port after the host (http://host:9200)"),
    ("http://:9200", "the OpenSearch URL 'http://:9200' must give a host before the port (http://host:9200)"),
    ("http://a b:9200", "the OpenSearch URL 'http://a b:9200' has no valid host ('a b')"),
    ("http://127.0.0.1:99999", "the OpenSearch URL 'http://127.0.0.1:99999' must give a port from 1 to 65535 "
                               "(http://host:9200), not '99999'"),
    ("http://127.0.0.1:0", "the OpenSearch URL 'http://127.0.0.1:0' must give a port from 1 to 65535 "
                           "(http://host:9200), not '0'"),
    ("http://127.0.0.1:+92", "the OpenSearch URL 'http://127.0.0.1:+92' must give a port from 1 to 65535 "
                             "(http://host:9200), not '+92'"),
])
def test_a_malformed_opensearch_url_is_refused_naming_what_is_wrong(url, message):
    with pytest.raises(BadQueryError) as refused:
        opensearch_nodes(url)
    assert (str(refused.value), refused.value.code) == (message, "bad_setting")


def test_well_formed_opensearch_urls_name_their_nodes():
    assert opensearch_nodes(" http://a:9200/ , HTTPS://user:pw@b.example:443,http://[::1]:9250") == [
        "http://a:9200/", "HTTPS://user:pw@b.example:443", "http://[::1]:9250"]


@pytest.mark.parametrize("command", [["search", "x"], ["reindex", "."], ["serve", "--port", "18660"]])
@pytest.mark.parametrize("url", ["http://127.0.0.1:18900/somepath", "http://[::1", "http://127.0.0.1:99999", ",", "",
                                 "ftp://127.0.0.1:18660"])
def test_the_cli_refuses_a_malformed_url_in_one_line_before_any_request(command, url, capsys):
    assert main([*command, "--backend", "opensearch", "--opensearch-url", url]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"warta {command[0]}: the OpenSearch URL ") and err.count("\n") == 1


def test_a_malformed_url_in_the_environment_is_refused_for_opensearch_only(monkeypatch):
    monkeypatch.setenv("WARTA_OPENSEARCH_URL", "ftp://x:1")
    assert BackendSettings.from_environment(name="whoosh").opensearch_url == "ftp://x:1"  # not used: not checked
    with pytest.raises(BadQueryError, match="^the OpenSearch URL 'ftp://x:1' must start with http:// or https://$"):
        BackendSettings.from_environment(name="opensearch")
    monkeypatch.setenv("WARTA_OPENSEARCH_URL", "")  # an empty variable is unset, as every WARTA_ variable
    assert BackendSettings.from_environment(name="opensearch").opensearch_url == "http://127.0.0.1:9250"
