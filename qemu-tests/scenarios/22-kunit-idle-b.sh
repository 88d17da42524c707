# KUnit while every CPU is online and idling through CPU_SUSPEND (idle
# states), 20 boots in two files run side by side: the suite works on state
# of its own and must never disturb, or be disturbed by, the live driver.
# shellcheck shell=bash

kunit_repeat kunit-idle-b 10 SMP=4 DTS=dts-examples/psci-idle-states.dts
