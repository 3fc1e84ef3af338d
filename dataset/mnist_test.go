package dataset

import (
	"compress/gzip"
	"encoding/csv"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

const mnistTest = "/work/shared/data/mnist_test.csv.gz"

// TestMNIST loads the first 1000 rows of the shared MNIST test file and checks
// the shape and label counts against an independent read with encoding/csv,
// then the whole file against the README's label counts. Skipped under -short
// or when the file is absent.
func TestMNIST(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 10000 MNIST rows")
	}
	if _, err := os.Stat(mnistTest); err != nil {
		t.Skip("no", mnistTest)
	}
	d, err := LoadCSV(mnistTest, CSVOptions{MaxRows: 1000, NumClasses: 10})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 1000 || d.Dim() != 784 || d.NumClasses != 10 || d.FeatureNames[783] != "p783" {
		t.Fatalf("got %d×%d, %d classes", d.Len(), d.Dim(), d.NumClasses)
	}
	want, firstRow := referenceMNISTCounts(t, 1000)
	if got := d.ClassCounts(); !slices.Equal(got, want) {
		t.Errorf("label counts %v, want %v", got, want)
	}
	if !slices.Equal(d.X[0], firstRow) {
		t.Error("first row differs from encoding/csv's reading")
	}

	start := time.Now()
	full, err := LoadCSV(mnistTest, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d×%d in %v", full.Len(), full.Dim(), time.Since(start))
	// Label counts of the MNIST test set as listed in the shared README.
	if got, want := full.ClassCounts(), []int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}; !slices.Equal(got, want) {
		t.Errorf("full label counts %v, want %v", got, want)
	}
}

// referenceMNISTCounts reads the first n rows with encoding/csv and returns
// their label counts and the first row's pixels.
func referenceMNISTCounts(t *testing.T, n int) ([]int, []float64) {
	f, err := os.Open(mnistTest)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(zr)
	if _, err := r.Read(); err != nil { // header
		t.Fatal(err)
	}
	counts := make([]int, 10)
	var first []float64
	for i := range n {
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		c, _ := strconv.Atoi(rec[0])
		counts[c]++
		if i == 0 {
			for _, s := range rec[1:] {
				v, _ := strconv.ParseFloat(s, 64)
				first = append(first, v)
			}
		}
	}
	return counts, first
}
