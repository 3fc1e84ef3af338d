package dataset

import (
	"bytes"
	"embed"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// embedded holds the real datasets; data/README.md records their origin,
// licence and SHA-256.
//
//go:embed data/iris.csv data/wine.csv data/breast_cancer.csv data/digits.csv.gz
var embedded embed.FS

// embeddedSet describes one embedded file: all have the label in the last
// column as integers 0..k-1.
type embeddedSet struct {
	file    string
	classes []string
}

// embeddedSets maps the names Load accepts to their files. Class names follow
// sklearn's target_names.
var embeddedSets = map[string]embeddedSet{
	"iris":          {"data/iris.csv", []string{"setosa", "versicolor", "virginica"}},
	"wine":          {"data/wine.csv", []string{"class_0", "class_1", "class_2"}},
	"breast-cancer": {"data/breast_cancer.csv", []string{"malignant", "benign"}},
	"digits":        {"data/digits.csv.gz", []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
}

// Names returns the names Load accepts, sorted.
func Names() []string {
	return slices.Sorted(maps.Keys(embeddedSets))
}

// Load returns a fresh copy of an embedded real dataset: "iris" (150×4, 3
// classes), "wine" (178×13, 3 classes), "breast-cancer" or "breast_cancer"
// (569×30, 2 classes) or "digits" (1797×64 pixels of 8×8 images, values
// 0..16, 10 classes). The values are unscaled, as in the original files;
// data/README.md gives their origin and licence.
func Load(name string) (*Dataset, error) {
	key := strings.ReplaceAll(name, "_", "-")
	set, ok := embeddedSets[key]
	if !ok {
		return nil, fmt.Errorf("dataset: no embedded dataset %q (have %s)", name, strings.Join(Names(), ", "))
	}
	raw, err := embedded.ReadFile(set.file)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	d, err := ReadCSV(bytes.NewReader(raw), set.file, CSVOptions{
		Name:       key,
		LabelIndex: -1,
		NumClasses: len(set.classes),
	})
	if err != nil {
		return nil, err
	}
	d.ClassNames = slices.Clone(set.classes)
	return d, nil
}
