"""Keys: the key file (its slots, seals and codec), the cipher, the recovery key, the device
secret kept in the OS keyring, and unlocking a slot."""
