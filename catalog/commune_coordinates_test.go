package catalog

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// communesFranceHeader is the header of communes-france-2025.csv, the
// communes file of data.gouv.fr, whose first column is an unnamed index.
var communesFranceHeader = strings.Split(",code_insee,nom_standard,nom_sans_pronom,nom_a,nom_de,"+
	"nom_sans_accent,nom_standard_majuscule,typecom,typecom_texte,reg_code,reg_nom,dep_code,dep_nom,"+
	"canton_code,canton_nom,epci_code,epci_nom,academie_code,academie_nom,code_postal,codes_postaux,"+
	"zone_emploi,code_insee_centre_zone_emploi,code_unite_urbaine,nom_unite_urbaine,taille_unite_urbaine,"+
	"type_commune_unite_urbaine,statut_commune_unite_urbaine,population,superficie_hectare,superficie_km2,"+
	"densite,altitude_moyenne,altitude_minimale,altitude_maximale,latitude_mairie,longitude_mairie,"+
	"latitude_centre,longitude_centre,grille_densite,grille_densite_texte,niveau_equipements_services,"+
	"niveau_equipements_services_texte,gentile,url_wikipedia,url_villedereve", ",")

// communesFranceLine returns a line of communes-france-2025.csv with the
// values given by column name, the other columns empty.
func communesFranceLine(values map[string]string) string {
	fields := make([]string, len(communesFranceHeader))
	for i, name := range communesFranceHeader {
		fields[i] = values[name]
	}
	return strings.Join(fields, ",")
}

// communesFranceFile is a small communes-france-2025.csv: Cassis with its
// centre, Aix-en-Provence with its town hall only, two arrondissements of
// Marseille without the city, a code that is no commune, and a line
// without coordinates.
func communesFranceFile() *ImportFile {
	return &ImportFile{Name: "communes-france-2025.csv", Reader: strings.NewReader("\uFEFF" + strings.Join([]string{
		strings.Join(communesFranceHeader, ","),
		communesFranceLine(map[string]string{"": "0", "code_insee": "13022", "nom_standard": "Cassis",
			"epci_nom":        `"Métropole d'Aix-Marseille-Provence, test"`,
			"latitude_mairie": "43.2148", "longitude_mairie": "5.5388",
			"latitude_centre": "43.2233", "longitude_centre": "5.5558"}),
		communesFranceLine(map[string]string{"": "1", "code_insee": "13001", "nom_standard": "Aix-en-Provence",
			"latitude_mairie": "43.5297", "longitude_mairie": "5.4474"}),
		communesFranceLine(map[string]string{"": "2", "code_insee": "13201", "latitude_centre": "43.30", "longitude_centre": "5.38"}),
		communesFranceLine(map[string]string{"": "3", "code_insee": "13208", "latitude_centre": "43.24", "longitude_centre": "5.38"}),
		communesFranceLine(map[string]string{"": "4", "code_insee": "99999", "latitude_centre": "45", "longitude_centre": "5"}),
		communesFranceLine(map[string]string{"": "5", "code_insee": "13005", "nom_standard": "Aubagne"}),
	}, "\r\n") + "\r\n")}
}

// communeCoordinates returns the coordinates of the commune with the INSEE
// code, NaN when unknown.
func communeCoordinates(t *testing.T, db *pgxpool.Pool, insee string) (float64, float64) {
	t.Helper()
	c := communeByInsee(t, db, insee)
	if c.Latitude == nil || c.Longitude == nil {
		return math.NaN(), math.NaN()
	}
	return *c.Latitude, *c.Longitude
}

// near reports whether a and b differ by less than a micro-degree.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestImportCommuneCoordinatesReport(t *testing.T) {
	db := communesDB(t)
	report, err := ImportCommuneCoordinates(context.Background(), db, communesFranceFile())
	if err != nil {
		t.Fatalf("ImportCommuneCoordinates: %v", err)
	}

	want := CommuneCoordinatesReport{Updated: 3, Unknown: 3, WithoutCoordinates: 1}
	if report != want {
		t.Errorf("report = %+v, want %+v", report, want)
	}
}

func TestImportCommuneCoordinatesCentre(t *testing.T) {
	db := communesDB(t)
	if _, err := ImportCommuneCoordinates(context.Background(), db, communesFranceFile()); err != nil {
		t.Fatalf("ImportCommuneCoordinates: %v", err)
	}

	lat, lon := communeCoordinates(t, db, "13022")
	if !near(lat, 43.2233) || !near(lon, 5.5558) {
		t.Errorf("Cassis = %v, %v, want its centre 43.2233, 5.5558", lat, lon)
	}
	lat, lon = communeCoordinates(t, db, "13001")
	if !near(lat, 43.5297) || !near(lon, 5.4474) {
		t.Errorf("Aix-en-Provence = %v, %v, want its town hall 43.5297, 5.4474", lat, lon)
	}
	lat, lon = communeCoordinates(t, db, "13055")
	if !near(lat, 43.27) || !near(lon, 5.38) {
		t.Errorf("Marseille = %v, %v, want the mean of its arrondissements 43.27, 5.38", lat, lon)
	}
	lat, _ = communeCoordinates(t, db, "13005")
	if !math.IsNaN(lat) {
		t.Errorf("Aubagne latitude = %v, want none", lat)
	}
}

func TestImportCommuneCoordinatesSemicolons(t *testing.T) {
	db := communesDB(t)
	f := csvFile("communes.csv",
		"Code INSEE;Latitude;Longitude",
		"1001;46,1534;4,9261",
		"2a004;41,9267;8,7369",
	)
	report, err := ImportCommuneCoordinates(context.Background(), db, f)
	if err != nil {
		t.Fatalf("ImportCommuneCoordinates: %v", err)
	}

	if report.Updated != 2 {
		t.Errorf("updated = %d, want 2", report.Updated)
	}
	lat, lon := communeCoordinates(t, db, "01001")
	if !near(lat, 46.1534) || !near(lon, 4.9261) {
		t.Errorf("01001 = %v, %v, want 46.1534, 4.9261 (code 1001, decimal commas)", lat, lon)
	}
	lat, lon = communeCoordinates(t, db, "2A004")
	if !near(lat, 41.9267) || !near(lon, 8.7369) {
		t.Errorf("2A004 = %v, %v, want 41.9267, 8.7369 (code in lower case)", lat, lon)
	}
}

func TestImportCommuneCoordinatesInvalidLines(t *testing.T) {
	db := communesDB(t)
	f := csvFile("communes.csv",
		"code_insee;latitude_centre;longitude_centre;latitude_mairie;longitude_mairie",
		"13022;43,2233;5,5558;;",
		"ABCDE;43;5;;",
		"13001;91;5,4;;",
		"13005;43,29;;;",
		"13022;43;5;;",
		"13055;43,29;5,37;x;5",
		"13004;43,67",
	)
	_, err := ImportCommuneCoordinates(context.Background(), db, f)
	importErrs := importErrorsOf(t, err)

	want := []errorPlace{
		{3, "code_insee", 1, msgInvalidInsee},
		{4, "latitude_centre", 2, msgInvalidLatitude},
		{5, "longitude_centre", 3, msgMissingCoordinate},
		{6, "code_insee", 1, msgDuplicateInsee},
		{7, "latitude_mairie", 4, msgInvalidLatitude},
		{8, "", 0, msgWrongFieldCount},
	}
	if got := placesOf(importErrs, "communes.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
	lat, _ := communeCoordinates(t, db, "13022")
	if !math.IsNaN(lat) {
		t.Errorf("Cassis latitude = %v after a rejected file, want none written", lat)
	}
}

func TestImportCommuneCoordinatesErrorInFrench(t *testing.T) {
	db := communesDB(t)
	f := csvFile("communes.csv", "code_insee,latitude,longitude", "ABCDE,43.1,5.2")
	_, err := ImportCommuneCoordinates(context.Background(), db, f)
	importErrs := importErrorsOf(t, err)

	want := "communes.csv, ligne 2, colonne code_insee (1) : « ABCDE » n'est pas un code INSEE valide (cinq caractères, par exemple 13022 ou 2A004)."
	if got := importErrs.Localize(localizer(t, "fr")); !slices.Equal(got, []string{want}) {
		t.Errorf("errors = %q, want %q", got, want)
	}
}

func TestImportCommuneCoordinatesHeaders(t *testing.T) {
	db := communesDB(t)
	cases := []struct {
		header, line string
		want         []errorPlace
	}{
		{"nom;latitude;longitude", "Cassis;43;5", []errorPlace{{1, "code_insee", 0, msgMissingColumn}}},
		{"code_insee;nom", "13022;Cassis", []errorPlace{{1, "", 0, msgNoCoordinateColumns}}},
		{"code_insee;latitude_centre;nom", "13022;43;Cassis", []errorPlace{{1, "longitude_centre", 0, msgMissingColumn}}},
		{"code_insee;insee;latitude;longitude", "13022;13022;43;5", []errorPlace{{1, "code_insee", 2, msgDuplicateColumn}}},
	}
	for _, c := range cases {
		_, err := ImportCommuneCoordinates(context.Background(), db, csvFile("communes.csv", c.header, c.line))
		importErrs := importErrorsOf(t, err)
		if got := placesOf(importErrs, "communes.csv"); !slices.Equal(got, c.want) {
			t.Errorf("header %q: errors = %+v, want %+v", c.header, got, c.want)
		}
	}
}

func TestImportCommuneCoordinatesEmptyFile(t *testing.T) {
	db := communesDB(t)
	_, err := ImportCommuneCoordinates(context.Background(), db, &ImportFile{Name: "vide.csv", Reader: strings.NewReader("")})
	importErrs := importErrorsOf(t, err)

	if got := placesOf(importErrs, "vide.csv"); !slices.Equal(got, []errorPlace{{0, "", 0, msgEmptyFile}}) {
		t.Errorf("errors = %+v, want the empty file reported", got)
	}
}
