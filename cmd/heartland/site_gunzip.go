package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"path"
	"time"
)

// gzipBackedFS presents every NAME.gz of its site as NAME too, when NAME
// itself is missing. `make release` leaves out of the binary the raw copy
// of each file that has a .gz sibling (half the size: the wasm alone is
// most of it); browsers take the .br or .gz, and the rare client that
// accepts neither gets NAME decompressed from NAME.gz. That is safe for
// sites written by `heartland build`, which writes .gz files only as
// siblings; a standalone download.tar.gz would also appear as download.tar.
type gzipBackedFS struct{ fs.FS }

func (g gzipBackedFS) Open(name string) (fs.File, error) {
	f, err := g.FS.Open(name)
	if !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	data, info, gzErr := g.gunzip(name)
	if gzErr != nil {
		return nil, err
	}
	return &gunzippedFile{Reader: bytes.NewReader(data), info: info}, nil
}

// Stat reads the size of NAME from NAME.gz's trailer, without inflating it.
func (g gzipBackedFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(g.FS, name)
	if !errors.Is(err, fs.ErrNotExist) {
		return info, err
	}
	size, gzErr := g.gunzippedSize(name + ".gz")
	if gzErr != nil {
		return nil, err
	}
	return gunzippedInfo{name: name, size: size}, nil
}

// gunzippedSize is ISIZE, the last four bytes of a gzip file: the size of
// its content modulo 2³², which is plenty for a site's files.
func (g gzipBackedFS) gunzippedSize(gzName string) (int64, error) {
	f, err := g.FS.Open(gzName)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok || !info.Mode().IsRegular() || info.Size() < 18 { // 18: the smallest gzip file
		return 0, fs.ErrInvalid
	}
	var isize [4]byte
	if _, err := rs.Seek(-4, io.SeekEnd); err != nil {
		return 0, err
	}
	if _, err := io.ReadFull(rs, isize[:]); err != nil {
		return 0, err
	}
	return int64(binary.LittleEndian.Uint32(isize[:])), nil
}

func (g gzipBackedFS) gunzip(name string) ([]byte, fs.FileInfo, error) {
	gz, err := g.FS.Open(name + ".gz")
	if err != nil {
		return nil, nil, err
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		return nil, nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, nil, err
	}
	return data, gunzippedInfo{name: name, size: int64(len(data))}, nil
}

// gunzippedFile is NAME inflated from NAME.gz, in memory.
type gunzippedFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f *gunzippedFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *gunzippedFile) Close() error               { return nil }

// gunzippedInfo describes a gunzippedFile: read-only, and without a
// modification time, like the files go:embed gives.
type gunzippedInfo struct {
	name string
	size int64
}

func (i gunzippedInfo) Name() string       { return path.Base(i.name) }
func (i gunzippedInfo) Size() int64        { return i.size }
func (i gunzippedInfo) Mode() fs.FileMode  { return 0o444 }
func (i gunzippedInfo) ModTime() time.Time { return time.Time{} }
func (i gunzippedInfo) IsDir() bool        { return false }
func (i gunzippedInfo) Sys() any           { return nil }
