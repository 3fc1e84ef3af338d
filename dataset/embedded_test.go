package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestLoadShapes checks every embedded dataset against the shapes and class
// counts listed in /work/shared/data/README.md (copied to data/README.md).
func TestLoadShapes(t *testing.T) {
	tests := []struct {
		name       string
		rows, cols int
		counts     []int
		classes    []string
		firstName  string
		lastName   string
	}{
		{"iris", 150, 4, []int{50, 50, 50}, []string{"setosa", "versicolor", "virginica"}, "sepal_length_cm", "petal_width_cm"},
		{"wine", 178, 13, []int{59, 71, 48}, []string{"class_0", "class_1", "class_2"}, "alcohol", "proline"},
		{"breast-cancer", 569, 30, []int{212, 357}, []string{"malignant", "benign"}, "mean_radius", "worst_fractal_dimension"},
		{"digits", 1797, 64, nil, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "pixel_0_0", "pixel_7_7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Load(tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if d.Name != tt.name || d.Len() != tt.rows || d.Dim() != tt.cols {
				t.Errorf("got %q %d×%d, want %q %d×%d", d.Name, d.Len(), d.Dim(), tt.name, tt.rows, tt.cols)
			}
			if !slices.Equal(d.ClassNames, tt.classes) || d.NumClasses != len(tt.classes) {
				t.Errorf("classes %v (%d), want %v", d.ClassNames, d.NumClasses, tt.classes)
			}
			if d.FeatureNames[0] != tt.firstName || d.FeatureNames[tt.cols-1] != tt.lastName {
				t.Errorf("feature names %q … %q", d.FeatureNames[0], d.FeatureNames[tt.cols-1])
			}
			counts := d.ClassCounts()
			if tt.counts != nil && !slices.Equal(counts, tt.counts) {
				t.Errorf("class counts %v, want %v", counts, tt.counts)
			}
			if tt.name == "digits" {
				// README: 174-183 images per digit, pixel values 0..16.
				for c, n := range counts {
					if n < 174 || n > 183 {
						t.Errorf("digit %d has %d images, want 174..183", c, n)
					}
				}
				for _, x := range d.X {
					for _, v := range x {
						if v < 0 || v > 16 || v != float64(int(v)) {
							t.Fatalf("pixel value %v outside 0..16", v)
						}
					}
				}
			}
		})
	}
}

// TestLoadIrisFirstRow compares the first row with the first data line of
// iris.csv ("5.1,3.5,1.4,0.2,0").
func TestLoadIrisFirstRow(t *testing.T) {
	d, err := Load("iris")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.X[0], []float64{5.1, 3.5, 1.4, 0.2}) || d.Y[0] != 0 {
		t.Errorf("first row %v label %d", d.X[0], d.Y[0])
	}
}

func TestLoadNames(t *testing.T) {
	if got, want := Names(), []string{"breast-cancer", "digits", "iris", "wine"}; !slices.Equal(got, want) {
		t.Errorf("Names = %v, want %v", got, want)
	}
	d, err := Load("breast_cancer")
	if err != nil || d.Name != "breast-cancer" {
		t.Fatalf("Load(breast_cancer) = %v, %v", d, err)
	}
	_, err = Load("mnist")
	if err == nil || !strings.Contains(err.Error(), `"mnist"`) || !strings.Contains(err.Error(), "iris") {
		t.Errorf("Load(mnist) error %v, want one naming the request and the choices", err)
	}
	a, _ := Load("iris")
	a.X[0][0] = 100
	if b, _ := Load("iris"); b.X[0][0] != 5.1 {
		t.Error("Load returns shared data")
	}
}

// TestEmbeddedSHA256 checks the embedded bytes against the SHA-256 table of
// /work/shared/data/README.md, and that data/README.md carries the same table.
func TestEmbeddedSHA256(t *testing.T) {
	want := map[string]string{
		"breast_cancer.csv": "5c3e458a6f8780b7dd2bc07e65dc975d149b6f8324cb7442a6ead4c5c9858d07",
		"digits.csv.gz":     "1c178444317374e79e426d6c667f4071494b8cc3e1730f7436366df9663d29ac",
		"iris.csv":          "87f0ef5229d3c2825151152009663887281a6e3e164d35161efdbdfb69951049",
		"wine.csv":          "23e4194a5c52a750cd051677786d41f8de435bb6fc210f597f07080b5d910ef7",
	}
	readme, err := os.ReadFile("data/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for file, sum := range want {
		raw, err := embedded.ReadFile("data/" + file)
		if err != nil {
			t.Fatal(err)
		}
		got := sha256.Sum256(raw)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s: SHA-256 %x, want %s", file, got, sum)
		}
		if !strings.Contains(string(readme), sum+"  "+file) {
			t.Errorf("data/README.md lacks the line %q", sum+"  "+file)
		}
	}
}
