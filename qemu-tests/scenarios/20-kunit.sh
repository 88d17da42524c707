# KUnit: the driver against a fake firmware (drivers/firmware/psci_kunit.c),
# run in the guest at boot; every case is one test here.
# shellcheck shell=bash

kunit kunit-fake-firmware SMP=4
