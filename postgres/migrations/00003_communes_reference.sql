-- +goose Up

-- Reference data of every French commune. postgres.LoadCommunes fills these
-- columns from the embedded file catalog/communes/communes.tsv.gz after the
-- migrations. Communes that merchants' imports created and that match no
-- reference commune keep them NULL.
ALTER TABLE communes
    ADD COLUMN insee text UNIQUE CHECK (insee ~ '^([0-9]{2}|2[AB])[0-9]{3}$'),
    ADD COLUMN epci_code text,
    ADD COLUMN epci_name text,
    ADD COLUMN population integer CHECK (population >= 0),
    -- The folded name without its spaces, so that "lhay les roses" and
    -- "l'Haÿ-les-Roses" compare equal. Name searches use it.
    ADD COLUMN name_key text GENERATED ALWAYS AS (replace(name_folded, ' ', '')) STORED;

-- text_pattern_ops serves both equality and prefix (LIKE 'abc%') searches.
CREATE INDEX communes_name_key ON communes (name_key text_pattern_ops);
-- The typo search looks up names by their first or last three characters.
CREATE INDEX communes_name_key_start ON communes (left(name_key, 3));
CREATE INDEX communes_name_key_end ON communes (right(name_key, 3));
CREATE INDEX communes_epci ON communes (epci_code);
CREATE INDEX communes_departement ON communes (departement);
CREATE INDEX commune_postal_codes_commune ON commune_postal_codes (commune_id);

-- Checksums of the reference data loaded, so that each start of the
-- program reloads it only when the embedded file changed.
CREATE TABLE reference_data (
    name      text PRIMARY KEY,
    checksum  text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE reference_data;
DROP INDEX commune_postal_codes_commune, communes_departement;
ALTER TABLE communes
    DROP COLUMN name_key,
    DROP COLUMN population,
    DROP COLUMN epci_name,
    DROP COLUMN epci_code,
    DROP COLUMN insee;
