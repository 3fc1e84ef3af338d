package mps

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPhysicalMemory(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, content string
		want          int64
	}{
		{"meminfo", "MemFree: 100 kB\nMemTotal:       24576000 kB\n", 24576000 * 1024},
		{"garbled", "MemTotal: lots kB\n", fallbackMemory / 3 * 4},
		{"absent", "", fallbackMemory / 3 * 4},
	} {
		path := filepath.Join(dir, tc.name)
		if tc.content != "" {
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got := physicalMemory(path); got != tc.want {
			t.Errorf("%s: %d bytes, want %d", tc.name, got, tc.want)
		}
	}
	if DefaultMaxMemory() <= 0 {
		t.Error("DefaultMaxMemory is not positive")
	}
}

func TestFormatBytes(t *testing.T) {
	for _, tc := range []struct {
		b    float64
		want string
	}{{512, "512 B"}, {1536, "1.5 KiB"}, {3 << 30, "3 GiB"}, {1 << 62, "4 EiB"}} {
		if got := formatBytes(tc.b); got != tc.want {
			t.Errorf("formatBytes(%v) = %q, want %q", tc.b, got, tc.want)
		}
	}
}
