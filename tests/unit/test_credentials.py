"""The central password is kept out of plain settings: keyring, else a file only the user can read."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from counter_app.sync import central_link, credentials

URL = "postgresql://counter_app:s3cret-Ä@db-host:5432/counter"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setenv("COUNTER_APP_NO_KEYRING", "1")


def test_url_kept_in_settings_has_no_password():
    """`without_password` drops the password; `with_password` puts it back."""
    plain = central_link.without_password(URL)
    assert "s3cret" not in plain and "counter_app@db-host:5432/counter" in plain
    assert central_link.connect_kwargs(central_link.with_password(plain, "s3cret-Ä"))["password"] == "s3cret-Ä"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_password_file_is_private_and_round_trips(tmp_path):
    """Without a keyring the password goes to a 0600 file in the data folder, keyed by the plain URL."""
    where = credentials.store_password(tmp_path, URL, "s3cret-Ä")
    path = credentials.credentials_file(tmp_path)
    assert where == str(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert credentials.load_password(tmp_path, central_link.without_password(URL)) == "s3cret-Ä"
    assert credentials.full_url(tmp_path, central_link.without_password(URL)).endswith("@db-host:5432/counter")
    full = credentials.full_url(tmp_path, central_link.without_password(URL))
    assert central_link.connect_kwargs(full)["password"] == "s3cret-Ä"
    credentials.store_password(tmp_path, URL, None)
    assert credentials.load_password(tmp_path, URL) is None
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_password_goes_to_the_keyring_when_one_exists(tmp_path, monkeypatch):
    """With a real keyring backend the password is kept there and no file is written."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 5
        store: dict = {}

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def get_password(self, service, username):
            return self.store.get((service, username))

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    monkeypatch.delenv("COUNTER_APP_NO_KEYRING")
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        assert credentials.store_password(tmp_path, URL, "s3cret-Ä") == "keyring"
        assert not credentials.credentials_file(tmp_path).exists()
        assert credentials.load_password(tmp_path, central_link.without_password(URL)) == "s3cret-Ä"
        assert MemoryKeyring.store == {(credentials.SERVICE, central_link.without_password(URL)): "s3cret-Ä"}
    finally:
        keyring.set_keyring(previous)
