"""The idle clock: wall-clock time, input resets it, a clock set back does not postpone."""

from __future__ import annotations

from apdesk.services.idle import DEFAULT_IDLE_MINUTES, IdleClock, clamp_minutes


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_expires_after_the_timeout_and_input_resets_it() -> None:
    clock = FakeClock()
    idle = IdleClock(300, clock)
    clock.now += 299
    assert not idle.expired()
    idle.touch()
    clock.now += 299
    assert not idle.expired() and idle.remaining() == 1
    clock.now += 1
    assert idle.expired()


def test_a_long_sleep_counts_as_idle() -> None:
    clock = FakeClock()
    idle = IdleClock(300, clock)
    clock.now += 8 * 3600  # the lid was shut overnight
    assert idle.expired()


def test_a_clock_set_backwards_restarts_the_count() -> None:
    clock = FakeClock()
    idle = IdleClock(300, clock)
    clock.now -= 3600
    assert idle.idle_for() == 0
    clock.now += 300
    assert idle.expired()


def test_minutes_setting_is_clamped() -> None:
    assert clamp_minutes("10") == 10
    assert clamp_minutes(None) == DEFAULT_IDLE_MINUTES
    assert clamp_minutes("junk") == DEFAULT_IDLE_MINUTES
    assert clamp_minutes(0) == 1
