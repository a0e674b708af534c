"""Convening: the register of people (personal data, never published) and the distribution
lists the texts' representation rules imply."""
