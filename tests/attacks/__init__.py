"""The attack suite (issue 14): hostile input, broken disks and bad clocks, each attack made for
real (local servers on 127.0.0.1, real git, real files, a real tmpfs)."""
