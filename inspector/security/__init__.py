"""Keyring access, database keys, password hashing."""
