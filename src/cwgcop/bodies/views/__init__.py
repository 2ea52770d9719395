"""The pages of bodies: public ones live in the site app; staff pages here."""
