package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"
)

// The prepared scene is a sequence of sections, each a little-endian uint64
// byte length, the bytes, and zero padding to a multiple of 8, so that every
// section starts 8-byte aligned when the blob does. Large sections are
// arrays of fixed-size values that the reader views in place (viewSection);
// small ones are read value by value (sectionReader).

// sectionWriter appends sections.
type sectionWriter struct{ buf []byte }

func (w *sectionWriter) section(b []byte) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(len(b)))
	w.buf = append(w.buf, b...)
	for len(w.buf)%8 != 0 {
		w.buf = append(w.buf, 0)
	}
}

// array writes a slice of fixed-size values as one section, byte for byte
// as the machine holds them; PrepareScene refuses big-endian machines.
func writeArray[T any](w *sectionWriter, s []T) {
	var zero T
	n := len(s) * int(unsafe.Sizeof(zero))
	if n == 0 {
		w.section(nil)
		return
	}
	w.section(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), n))
}

// values is a builder of a small section of numbers.
type values struct{ b []byte }

func (v *values) u32(x int)     { v.b = binary.LittleEndian.AppendUint32(v.b, uint32(x)) }
func (v *values) f64(x float64) { v.b = binary.LittleEndian.AppendUint64(v.b, math.Float64bits(x)) }
func (v *values) str(s string)  { v.u32(len(s)); v.b = append(v.b, s...) }

// ErrCorruptPreparedScene is wrapped by every error about a malformed
// prepared scene: a damaged or foreign data bundle.
var ErrCorruptPreparedScene = errors.New("prepared scene is corrupt")

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCorruptPreparedScene, fmt.Sprintf(format, args...))
}

// sectionReader reads sections in order.
type sectionReader struct {
	data []byte
	err  error
}

func (r *sectionReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *sectionReader) section(what string) []byte {
	if r.err != nil {
		return nil
	}
	if len(r.data) < 8 {
		r.fail(corrupt("%s: truncated", what))
		return nil
	}
	n := binary.LittleEndian.Uint64(r.data)
	padded := (n + 7) &^ 7
	if n > uint64(len(r.data)-8) || padded > uint64(len(r.data)-8) {
		r.fail(corrupt("%s: %d bytes, past the end", what, n))
		return nil
	}
	b := r.data[8 : 8+n : 8+n]
	r.data = r.data[8+padded:]
	return b
}

// viewSection returns the next section as a []T without copying when the
// bytes are aligned for T, and as an aligned copy otherwise.
func viewSection[T any](r *sectionReader, what string) []T {
	b := r.section(what)
	if r.err != nil {
		return nil
	}
	var zero T
	size := int(unsafe.Sizeof(zero))
	if len(b)%size != 0 {
		r.fail(corrupt("%s: %d bytes is not a whole number of %d-byte values", what, len(b), size))
		return nil
	}
	n := len(b) / size
	if n == 0 {
		return nil
	}
	if uintptr(unsafe.Pointer(&b[0]))%unsafe.Alignof(zero) != 0 {
		c := make([]T, n)
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&c[0])), len(b)), b)
		return c
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
}

// littleEndian reports whether this machine stores numbers as the
// prepared scene does.
func littleEndian() bool { return binary.NativeEndian.Uint16([]byte{1, 0}) == 1 }

// valueReader reads a small section of numbers.
type valueReader struct {
	b    []byte
	what string
	err  error
}

func (v *valueReader) fail(msg string) {
	if v.err == nil {
		v.err = corrupt("%s: %s", v.what, msg)
	}
	v.b = nil
}

func (v *valueReader) u32() int {
	if len(v.b) < 4 {
		v.fail("truncated")
		return 0
	}
	x := binary.LittleEndian.Uint32(v.b)
	v.b = v.b[4:]
	if uint64(x) > math.MaxInt32 {
		v.fail(fmt.Sprintf("number %d out of range", x))
		return 0
	}
	return int(x)
}

// count reads a number of items each at least minBytes long, refusing one
// the rest of the section cannot hold.
func (v *valueReader) count(minBytes int) int {
	n := v.u32()
	if n > len(v.b)/minBytes {
		v.fail(fmt.Sprintf("count %d exceeds what %d bytes can hold", n, len(v.b)))
		return 0
	}
	return n
}

func (v *valueReader) f64() float64 {
	if len(v.b) < 8 {
		v.fail("truncated")
		return 0
	}
	x := math.Float64frombits(binary.LittleEndian.Uint64(v.b))
	v.b = v.b[8:]
	return x
}

func (v *valueReader) str() string {
	n := v.u32()
	if n > len(v.b) {
		v.fail("string past the end")
		return ""
	}
	s := string(v.b[:n])
	v.b = v.b[n:]
	return s
}
