"""What the people who run the site use: settings and site checks, health probes,
one-sentence failures on the command line, backup and restore."""
