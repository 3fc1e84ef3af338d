package dataset

import (
	"bytes"
	"compress/gzip"
	"testing"
)

// FuzzCSV feeds arbitrary bytes and option combinations to ReadCSV: it must
// never panic, and whatever it accepts must be a valid dataset.
func FuzzCSV(f *testing.F) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("label,p0\n1,2\n"))
	zw.Close()
	seeds := []string{
		"a,b,label\n1,2,0\n3,4,1\n",
		"label,p0,p1\n7,0,255\n",
		"x;y\n1;2\n",
		"a,b,label\n1,2\n",
		"a,b,label\n1,NaN,0\n",
		"\"q\",b,label\n\"1\",2,cat\r\n",
		"",
		"\n\n",
		gz.String(),
	}
	for i, s := range seeds {
		f.Add([]byte(s), int8(-1), uint8(i%4), uint8(i%3), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, labelIndex int8, kind uint8, maxRows uint8, noHeader bool) {
		opts := CSVOptions{
			LabelIndex: int(labelIndex),
			Labels:     LabelKind(kind % 4),
			MaxRows:    int(maxRows),
			NoHeader:   noHeader,
		}
		d, err := ReadCSV(bytes.NewReader(data), "fuzz.csv", opts)
		if err != nil {
			return
		}
		if verr := d.Validate(); verr != nil {
			t.Fatalf("accepted an invalid dataset: %v", verr)
		}
		if opts.MaxRows > 0 && d.Len() > opts.MaxRows {
			t.Fatalf("%d rows read with MaxRows %d", d.Len(), opts.MaxRows)
		}
	})
}
