package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// CommuneCoordinatesReport counts what ImportCommuneCoordinates did with
// the lines of a communes file.
type CommuneCoordinatesReport struct {
	Updated int // communes whose centre was written
	// Unknown counts the lines whose INSEE code is no commune of the
	// database, such as arrondissements municipaux or former communes.
	Unknown int
	// WithoutCoordinates counts the lines that give no coordinates.
	WithoutCoordinates int
}

// ImportCommuneCoordinates sets the centre coordinates of the communes that
// a CSV file lists, matched by INSEE code. The file is the communes file
// that data.gouv.fr publishes ("Communes et villes de France",
// communes-france-AAAA.csv) or any CSV file with these columns, in any order
// and with any other columns, which are ignored:
//
//   - code_insee (or code_commune_insee, or insee): the INSEE code, such as
//     13022 or 2A004. Four digits are read with a leading zero.
//   - latitude_centre and longitude_centre: the centre of the commune, in
//     decimal degrees (WGS 84).
//   - latitude_mairie and longitude_mairie: the town hall, used for the
//     lines without a centre.
//   - latitude and longitude: used for the lines without either.
//
// At least one of the coordinate pairs is required. Fields are separated by
// ";" or ",", whichever the header line has most of, and quoted with '"'
// when needed. The text is UTF-8, with or without a byte order mark, and
// decimals take a point or a comma. A line without coordinates is skipped.
// When the file lacks Paris, Lyon or Marseille but has their
// arrondissements municipaux, the city's centre is the mean of theirs.
//
// When any line is invalid, nothing is written and the error is an
// *ImportErrors listing every invalid line.
func ImportCommuneCoordinates(ctx context.Context, db *pgxpool.Pool, f *ImportFile) (CommuneCoordinatesReport, error) {
	errs := newErrorList(f.Name)
	cf, err := readCommuneCoordinates(f, errs)
	if err != nil {
		return CommuneCoordinatesReport{}, fmt.Errorf("import commune coordinates: %w", err)
	}
	if err := errs.err(); err != nil {
		return CommuneCoordinatesReport{}, err
	}

	positions := addCitiesFromArrondissements(cf.positions)
	report := CommuneCoordinatesReport{WithoutCoordinates: cf.withoutCoordinates}
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		updated, err := writeCommuneCoordinates(ctx, tx, positions)
		report.Updated = len(updated)
		for _, p := range cf.positions {
			if !updated[p.insee] {
				report.Unknown++
			}
		}
		return err
	})
	if err != nil {
		return CommuneCoordinatesReport{}, fmt.Errorf("import commune coordinates: %w", err)
	}
	return report, nil
}

// writeCommuneCoordinates writes the positions in one statement and returns
// the set of INSEE codes it updated.
func writeCommuneCoordinates(ctx context.Context, tx pgx.Tx, positions []communePosition) (map[string]bool, error) {
	codes := make([]string, len(positions))
	lats := make([]float64, len(positions))
	lons := make([]float64, len(positions))
	for i, p := range positions {
		codes[i], lats[i], lons[i] = p.insee, p.latitude, p.longitude
	}
	rows, err := tx.Query(ctx, `
		UPDATE communes c SET latitude = v.lat, longitude = v.lon
		FROM unnest($1::text[], $2::float8[], $3::float8[]) AS v(insee, lat, lon)
		WHERE c.insee = v.insee
		RETURNING c.insee`, codes, lats, lons)
	if err != nil {
		return nil, fmt.Errorf("update coordinates: %w", err)
	}
	updatedCodes, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("update coordinates: %w", err)
	}
	updated := make(map[string]bool, len(updatedCodes))
	for _, code := range updatedCodes {
		updated[code] = true
	}
	return updated, nil
}
