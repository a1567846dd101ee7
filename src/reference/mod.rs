//! Embedded reference data: communes (INSEE code, SIREN, population).
