"""A bundle of numpy arrays in one file, written atomically and read memory-mapped.

One file rather than an .npy per array, so that replacing it is a single rename: a reader sees the old bundle or
the new one, never a mix. The layout is a magic line, the length of a JSON header, the header (metadata that says
what the arrays were built from, and each array's dtype, shape and offset) and the arrays at 64-byte boundaries.
Reading maps the file and views the arrays in place: nothing is copied, and processes that map the same file
(forked gunicorn workers) share its pages through the page cache.
"""

from __future__ import annotations

import json
import math
import mmap
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

MAGIC = b"TWARRAY1"
_ALIGN = 64
_LENGTH_BYTES = 8


class ArrayFileError(ValueError):
    """The file is not a complete, readable bundle (truncated, overwritten, another format)."""


class StaleArrayFile(ArrayFileError):
    """The file is a sound bundle, but was built from other inputs than the ones expected."""


def write_arrays(path: Path, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> None:
    """Write `arrays` and `meta` to `path` through a temporary file renamed into place."""
    contiguous = {name: np.ascontiguousarray(array) for name, array in arrays.items()}
    layout: dict[str, list[Any]] = {}
    offset = 0
    for name, array in contiguous.items():
        if array.dtype.hasobject:
            raise TypeError(f"array {name!r} holds Python objects, which cannot be mapped")
        layout[name] = [array.dtype.str, list(array.shape), offset]
        offset = _aligned(offset + array.nbytes)
    header = json.dumps({"meta": dict(meta), "arrays": layout, "data_bytes": offset}).encode()
    start = _data_start(len(header))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + len(header).to_bytes(_LENGTH_BYTES, "little") + header)
            for name, array in contiguous.items():
                out.write(b"\0" * (start + layout[name][2] - out.tell()))
                out.write(array.tobytes())
            out.write(b"\0" * (start + offset - out.tell()))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; other users (a server's) must be able to read it
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_arrays(path: Path, meta: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """The arrays of `path`, mapped read-only; raise StaleArrayFile if its metadata is not `meta`, ArrayFileError
    if it is not a whole bundle, FileNotFoundError if there is none."""
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size < len(MAGIC) + _LENGTH_BYTES:
            raise ArrayFileError(f"{path} is too short ({size} bytes) to be an array bundle")
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    if mapped[: len(MAGIC)] != MAGIC:
        raise ArrayFileError(f"{path} is not an array bundle")
    header_length = int.from_bytes(mapped[len(MAGIC) : len(MAGIC) + _LENGTH_BYTES], "little")
    header_start = len(MAGIC) + _LENGTH_BYTES
    if header_start + header_length > size:
        raise ArrayFileError(f"{path} is truncated: its header runs past the end")
    try:
        header = json.loads(mapped[header_start : header_start + header_length])
    except ValueError as error:
        raise ArrayFileError(f"{path} has an unreadable header ({error})") from error
    if not isinstance(header, dict):
        raise ArrayFileError(f"{path} has a header that is not an object")
    if header.get("meta") != dict(meta):
        raise StaleArrayFile(f"{path} was built from other inputs: {header.get('meta')}")
    start = _data_start(header_length)
    try:
        if start + int(header["data_bytes"]) != size:
            raise ValueError(f"{size} bytes, but the header describes {start + int(header['data_bytes'])}")
        return {
            name: _view(mapped, size, dtype, shape, start + offset)
            for name, (dtype, shape, offset) in header["arrays"].items()
        }
    except (KeyError, TypeError, ValueError) as error:
        raise ArrayFileError(f"{path} is damaged ({type(error).__name__}: {error})") from error


def _view(mapped: mmap.mmap, size: int, dtype_text: str, shape: list[int], offset: int) -> np.ndarray:
    """One array of the bundle, in place; raise ValueError if it does not lie inside the file."""
    dtype = np.dtype(dtype_text)
    if dtype.hasobject:
        raise ValueError(f"dtype {dtype_text} holds Python objects")
    count = math.prod(shape)
    if offset < 0 or count < 0 or offset + count * dtype.itemsize > size:
        raise ValueError(f"array at {offset} of {count} x {dtype.itemsize} bytes runs past the end ({size})")
    return np.frombuffer(mapped, dtype=dtype, count=count, offset=offset).reshape(shape)


def _data_start(header_length: int) -> int:
    """Where the arrays begin: after the magic, the header's length and the header, at a 64-byte boundary."""
    return _aligned(len(MAGIC) + _LENGTH_BYTES + header_length)


def _aligned(offset: int) -> int:
    """`offset` rounded up to the next 64-byte boundary (so every array's view is aligned)."""
    return -(-offset // _ALIGN) * _ALIGN
