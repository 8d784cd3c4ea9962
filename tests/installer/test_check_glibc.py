"""The bundle scanner of the Linux build (installer/check_glibc.py): which symbol versions
count as demands and which are beyond glibc 2.28 / GCC 8's libstdc++."""
from installer.check_glibc import highest, parse_version, too_new, version_references

# `objdump -p` of a library, shortened by hand: it defines Qt_6 and GLIBCXX_9.9 (a made-up
# definition that must not count) and requires glibc, libstdc++ and its C++ ABI versions.
OBJDUMP = """
Dynamic Section:
  NEEDED               libstdc++.so.6
  NEEDED               libc.so.6
  SONAME               libQt6Core.so.6

Version definitions:
1 0x01 0x0adc2b06 libQt6Core.so.6
2 0x00 0x00058a26 Qt_6
3 0x00 0x0bd1b899 GLIBCXX_9.9

Version References:
  required from libstdc++.so.6:
    0x0bafd179 0x00 12 CXXABI_1.3.9
    0x08922974 0x00 10 GLIBCXX_3.4
    0x02297f89 0x00 09 GLIBCXX_3.4.9
    0x0297f861 0x00 07 GLIBCXX_3.4.21
  required from libc.so.6:
    0x06969194 0x00 06 GLIBC_2.14
    0x09691a75 0x00 03 GLIBC_2.2.5
    0x06969188 0x00 02 GLIBC_2.28
"""


def test_only_version_references_count() -> None:
    assert version_references(OBJDUMP) == {
        "CXXABI_1.3.9", "GLIBCXX_3.4", "GLIBCXX_3.4.9", "GLIBCXX_3.4.21", "GLIBC_2.14", "GLIBC_2.2.5", "GLIBC_2.28"}


def test_versions_compare_as_numbers_not_text() -> None:
    # as text "2.9" > "2.28" and "3.4.9" > "3.4.25"; as numbers both are older
    assert parse_version("2.28") > parse_version("2.9")
    tags = {"GLIBC_2.9", "GLIBC_2.28", "GLIBC_2.2.5", "GLIBCXX_3.4.9", "GLIBCXX_3.4.25"}
    assert highest(tags, "GLIBC") == (2, 28)
    assert highest(tags, "GLIBCXX") == (3, 4, 25)
    assert highest(tags, "CXXABI") is None


def test_limits_of_the_oldest_target() -> None:
    # glibc 2.28 (统信UOS 20); GCC 8: GLIBCXX_3.4.25, CXXABI_1.3.11
    assert not too_new("GLIBC_2.28")
    assert too_new("GLIBC_2.29")
    assert too_new("GLIBC_2.34")
    assert not too_new("GLIBCXX_3.4.25")
    assert too_new("GLIBCXX_3.4.26")
    assert too_new("GLIBCXX_3.4.30")
    assert not too_new("CXXABI_1.3.11")
    assert too_new("CXXABI_1.3.13")


def test_named_tags() -> None:
    assert not too_new("GLIBC_PRIVATE")  # glibc's own libraries among themselves
    assert too_new("GLIBC_ABI_DT_RELR")  # marks binaries that need glibc 2.36


def test_a_too_new_reference_is_found_in_objdump_output() -> None:
    refs = version_references(OBJDUMP.replace("GLIBC_2.28", "GLIBC_2.34"))
    assert sorted(t for t in refs if too_new(t)) == ["GLIBC_2.34"]
