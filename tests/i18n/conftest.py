"""The views' AppTest fixtures, for drawing pages in Spanish."""

from tests.views.conftest import room_app  # noqa: F401 - a fixture, used by name
