package dataset

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestLoadCSVFiles(t *testing.T) {
	tests := []struct {
		path     string
		opts     CSVOptions
		name     string
		features []string
		x        [][]float64
		y        []int
		classes  []string
		k        int
	}{
		{
			path: "testdata/labels_last.csv", opts: CSVOptions{LabelIndex: -1},
			name: "labels_last", features: []string{"f1", "f2", "f3"},
			x: [][]float64{{1.5, 2, -0.3}, {0, 0, 0}, {4, 5, 6}, {7, 8, 9}}, y: []int{0, 2, 1, 2}, k: 3,
		},
		{
			path: "testdata/labels_last.csv", opts: CSVOptions{LabelName: "label", Name: "custom", MaxRows: 2},
			name: "custom", features: []string{"f1", "f2", "f3"},
			x: [][]float64{{1.5, 2, -0.3}, {0, 0, 0}}, y: []int{0, 2}, k: 3,
		},
		{
			path: "testdata/labels_first.csv.gz", opts: CSVOptions{},
			name: "labels_first", features: []string{"p0", "p1", "p2", "p3"},
			x: [][]float64{{0, 255, 17, 1}, {1, 2, 3, 4}, {9, 9, 9, 9}}, y: []int{3, 0, 3}, k: 4,
		},
		{
			path: "testdata/labels_first.csv.gz", opts: CSVOptions{NumClasses: 10, MaxRows: 1},
			name: "labels_first", features: []string{"p0", "p1", "p2", "p3"},
			x: [][]float64{{0, 255, 17, 1}}, y: []int{3}, k: 10,
		},
		{
			// gzip found by its magic bytes, not its name
			path: "testdata/gzip_magic.csv", opts: CSVOptions{LabelName: "label"},
			name: "gzip_magic", features: []string{"p0", "p1", "p2", "p3"},
			x: [][]float64{{0, 255, 17, 1}, {1, 2, 3, 4}, {9, 9, 9, 9}}, y: []int{3, 0, 3}, k: 4,
		},
		{
			// string labels numbered in sorted order, spaces and quotes trimmed
			path: "testdata/strings.csv", opts: CSVOptions{LabelName: "species", Labels: StringLabels},
			name: "strings", features: []string{"sepal", "petal"},
			x: [][]float64{{1, 2}, {3, 4}, {5, 6}, {7, 8}}, y: []int{2, 0, 1, 0},
			classes: []string{"setosa", "versicolor", "virginica"}, k: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			d, err := LoadCSV(tt.path, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if d.Name != tt.name || !slices.Equal(d.FeatureNames, tt.features) || d.NumClasses != tt.k {
				t.Errorf("name %q features %v classes %d; want %q %v %d", d.Name, d.FeatureNames, d.NumClasses, tt.name, tt.features, tt.k)
			}
			if !slices.EqualFunc(d.X, tt.x, slices.Equal) || !slices.Equal(d.Y, tt.y) {
				t.Errorf("X %v Y %v; want %v %v", d.X, d.Y, tt.x, tt.y)
			}
			if !slices.Equal(d.ClassNames, tt.classes) {
				t.Errorf("class names %v, want %v", d.ClassNames, tt.classes)
			}
		})
	}
}

func TestReadCSVKinds(t *testing.T) {
	const src = "a,b,t\n1,2,0.5\n3,4,-1e3\n"
	d, err := ReadCSV(strings.NewReader(src), "reg.csv", CSVOptions{LabelIndex: 2, Labels: FloatTargets})
	if err != nil {
		t.Fatal(err)
	}
	if d.Y != nil || !slices.Equal(d.Targets, []float64{0.5, -1000}) || !slices.Equal(d.FeatureNames, []string{"a", "b"}) {
		t.Errorf("FloatTargets: Y %v targets %v names %v", d.Y, d.Targets, d.FeatureNames)
	}
	d, err = ReadCSV(strings.NewReader(src), "all.csv", CSVOptions{Labels: NoLabel})
	if err != nil {
		t.Fatal(err)
	}
	if d.Y != nil || d.Targets != nil || d.Dim() != 3 || d.X[1][2] != -1000 {
		t.Errorf("NoLabel: %+v", d)
	}
	d, err = ReadCSV(strings.NewReader("1;2;1\n3;4;0\n"), "nohead.csv", CSVOptions{NoHeader: true, LabelIndex: -1, Comma: ';'})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.FeatureNames, []string{"x0", "x1"}) || !slices.Equal(d.Y, []int{1, 0}) || d.X[1][0] != 3 {
		t.Errorf("NoHeader: %+v", d)
	}
}

// TestReadCSVErrors is the table of malformed inputs: each error must name
// the file, the line and, for a cell, the column.
func TestReadCSVErrors(t *testing.T) {
	last := CSVOptions{LabelIndex: -1}
	tests := []struct {
		name string
		src  string
		opts CSVOptions
		want string
	}{
		{"empty file", "", last, "e.csv: no data rows"},
		{"header only", "a,b,label\n\n", last, "e.csv: no data rows"},
		{"ragged row", "a,b,label\n1,2,0\n1,0\n", last, "e.csv:3: 2 fields, want 3 as in the header"},
		{"bad number", "a,petal_width,label\n1,2,0\n\n1,x,1\n", last, `e.csv:4: column petal_width: cannot parse "x" as a number`},
		{"NaN cell", "a,b,label\n1,NaN,0\n", last, `e.csv:2: column b: "NaN" is not a finite number`},
		{"Inf cell", "a,b,label\n-inf,1,0\n", last, `e.csv:2: column a: "-inf" is not a finite number`},
		{"overflow", "a,b,label\n1e999,1,0\n", last, `e.csv:2: column a: "1e999" is out of float64 range`},
		{"missing label column", "a,b,c\n1,2,0\n", CSVOptions{LabelName: "label"}, `e.csv:1: no column named "label" in the header`},
		{"label index", "a,b\n1,2\n", CSVOptions{LabelIndex: 5}, "e.csv:1: label column index 5 out of range for 2 columns"},
		{"label only", "label\n1\n", CSVOptions{}, "e.csv:1: only the label column, no features"},
		{"empty header field", "a,,label\n", last, "e.csv:1: header field 2 is empty"},
		{"bad int label", "a,label\n1,cat\n", last, `e.csv:2: column label: cannot parse label "cat" as an integer`},
		{"negative label", "a,label\n1,-2\n", last, "e.csv:2: column label: label -2 is negative"},
		{"label over NumClasses", "a,label\n1,0\n1,4\n", CSVOptions{LabelIndex: -1, NumClasses: 3}, "e.csv:3: column label: label 4 outside 0..2"},
		{"huge label", "a,label\n1,99999999\n", last, "e.csv:2: column label: label 99999999 above 65535"},
		{"empty string label", "a,label\n1,\n", CSVOptions{LabelIndex: -1, Labels: StringLabels}, "e.csv:2: column label: empty label"},
		{"bad target", "a,t\n1,?\n", CSVOptions{LabelIndex: -1, Labels: FloatTargets}, `e.csv:2: column t: cannot parse "?" as a number`},
		{"bad gzip", "\x1f\x8bxx", last, "e.csv: gzip:"},
		{"negative MaxRows", "a,label\n1,0\n", CSVOptions{MaxRows: -1}, "e.csv: options: MaxRows -1 is negative"},
		{"NumClasses with strings", "a,label\n1,0\n", CSVOptions{NumClasses: 2, Labels: StringLabels}, "options: NumClasses needs IntLabels"},
		{"name without header", "1,0\n", CSVOptions{NoHeader: true, LabelName: "y"}, `options: LabelName "y" needs a header line`},
		{"quote separator", "1,0\n", CSVOptions{Comma: '"'}, "options: separator"},
		{"label kind", "1,0\n", CSVOptions{Labels: 9}, "options: unknown label kind 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.src), "e.csv", tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			var ce *CSVError
			if !errors.As(err, &ce) || ce.File != "e.csv" {
				t.Errorf("error %T does not carry the file as a *CSVError", err)
			}
		})
	}
}

func TestLoadCSVFileErrors(t *testing.T) {
	if _, err := LoadCSV("testdata/fake.csv.gz", CSVOptions{}); err == nil || !strings.Contains(err.Error(), "testdata/fake.csv.gz: name ends in .gz but the data is not gzip") {
		t.Errorf("fake gzip: %v", err)
	}
	if _, err := LoadCSV("testdata/missing.csv", CSVOptions{}); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing file: %v", err)
	}
}

func TestCSVErrorFormat(t *testing.T) {
	e := &CSVError{File: "iris.csv", Line: 17, Column: "petal_width", Msg: `cannot parse "x" as a number`}
	if got, want := e.Error(), `iris.csv:17: column petal_width: cannot parse "x" as a number`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestParseUint(t *testing.T) {
	tests := []struct {
		in string
		v  float64
		ok bool
	}{
		{"0", 0, true}, {"255", 255, true}, {"999999999999999", 999999999999999, true},
		{"1000000000000000", 0, false}, {"", 0, false}, {"-1", 0, false}, {"1.5", 0, false}, {"1e3", 0, false},
	}
	for _, tt := range tests {
		if v, ok := parseUint([]byte(tt.in)); v != tt.v || ok != tt.ok {
			t.Errorf("parseUint(%q) = %v, %v; want %v, %v", tt.in, v, ok, tt.v, tt.ok)
		}
	}
}

// TestReadCSVManyRows crosses several storage blocks and checks every cell
// against the generating formula.
func TestReadCSVManyRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("label,a,b\n")
	const n = 5000
	for i := range n {
		fmt.Fprintf(&b, "%d,%d,%g\n", i%7, i, float64(i)/8)
	}
	d, err := ReadCSV(strings.NewReader(b.String()), "many.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != n || d.NumClasses != 7 {
		t.Fatalf("%d rows, %d classes", d.Len(), d.NumClasses)
	}
	for i, x := range d.X {
		if len(x) != 2 || cap(x) != 2 || x[0] != float64(i) || x[1] != float64(i)/8 || d.Y[i] != i%7 {
			t.Fatalf("row %d = %v (cap %d) label %d", i, x, cap(x), d.Y[i])
		}
	}
}
