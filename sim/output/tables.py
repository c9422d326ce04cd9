"""The outcome table as CSV or Parquet, and the SHA-256 digests that pin results.

The CSV is rendered in chunks of worlds, so writing or hashing a table needs
memory for one chunk of text, whatever the number of worlds; the bytes are
the same as rendering it whole (:func:`table_text`). Writing a CSV hashes the
bytes as they are written, so a table is rendered once.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import numba
import numpy as np

from sim.case import outcomes
from sim.engine import dates

ROWS_PER_CHUNK = 20_000


class TableError(ValueError):
    """An outcome table that cannot be written (e.g. Parquet without pyarrow)."""


def _distinct_text(name: str, values: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The column's CSV text: (each distinct value's cell, formatted once; each row's index into them)."""
    if values.dtype.kind == "f":  # distinct by bit pattern, so -0.0 stays "-0" beside 0.0's "0"
        bits, where = np.unique(values.view(f"i{values.itemsize}"), return_inverse=True)
        return [f"{v:.6g}" for v in bits.view(values.dtype)], where
    distinct, where = np.unique(values, return_inverse=True)
    if name in outcomes.DATES:
        text = [dates.iso(int(d)) or "" for d in distinct]
    elif name == "final_outcome":
        text = [outcomes.FINAL[int(v)] for v in distinct]
    elif values.dtype == bool:
        text = ["True" if v else "False" for v in distinct]
    else:
        text = [str(int(v)) for v in distinct]
    return text, where


def _cell(name: str, values: np.ndarray) -> np.ndarray:
    """The column's CSV cells (an object array of str)."""
    text, where = _distinct_text(name, values)
    return np.array(text, dtype=object)[where]


def _blocks(columns: dict[str, np.ndarray], rows: int = ROWS_PER_CHUNK) -> Iterator[tuple[int, bytes]]:
    """(worlds, UTF-8 CSV bytes) of the outcome table, piece by piece: the header line, then ``rows`` worlds."""
    yield 0, (",".join(outcomes.COLUMNS) + "\n").encode()
    n = len(columns[outcomes.COLUMNS[0]])
    for start in range(0, n, rows):
        texts: list[str] = []
        where = []
        for name in outcomes.COLUMNS:
            text, at = _distinct_text(name, columns[name][start : start + rows])
            where.append(at.ravel() + len(texts))  # indices into all columns' texts
            texts.extend(text)
        if not all(map(str.isascii, texts)):  # byte offsets then differ from character counts
            texts = [t.encode().decode("latin-1") for t in texts]
        ends = np.cumsum(np.fromiter(map(len, texts), np.int64, len(texts)))
        pool = np.frombuffer("".join(texts).encode("latin-1"), np.uint8)
        yield len(where[0]), _rows(pool, ends, np.stack(where)).tobytes()


@numba.njit(cache=True)
def _rows(pool, ends, where):
    """CSV bytes: for each row, its cells (text ``where[c, row]`` of ``pool``, which ends at ``ends[i]``)
    joined by commas, and a newline (compiled: the rows' Python join cost 3.5 us a row)."""
    size = 0
    for c in range(where.shape[0]):
        for r in range(where.shape[1]):
            i = where[c, r]
            size += ends[i] - (ends[i - 1] if i else 0) + 1
    out = np.empty(size, np.uint8)
    k = 0
    for r in range(where.shape[1]):
        for c in range(where.shape[0]):
            i = where[c, r]
            for b in range(ends[i - 1] if i else 0, ends[i]):
                out[k] = pool[b]
                k += 1
            out[k] = 44 if c < where.shape[0] - 1 else 10  # "," or newline
            k += 1
    return out


def table_chunks(columns: dict[str, np.ndarray], rows: int = ROWS_PER_CHUNK) -> Iterator[str]:
    """The CSV text of the outcome table, piece by piece: the header line, then ``rows`` worlds at a time."""
    for _, block in _blocks(columns, rows):
        yield block.decode()


def table_text(columns: dict[str, np.ndarray]) -> str:
    """The outcome table as CSV text: one row per world, header = ``sim.case.outcomes.COLUMNS``."""
    return "".join(table_chunks(columns))


def table_hash(columns: dict[str, np.ndarray], progress: Callable[[int], None] | None = None) -> str:
    """SHA-256 of the CSV rendering of the outcome table (whatever format was written); ``progress(n)``: n rows."""
    return _render(columns, None, progress)


def write_csv(path: Path, columns: dict[str, np.ndarray], progress: Callable[[int], None] | None = None) -> str:
    """``outcomes.csv``: the bytes of :func:`table_text`, written chunk by chunk; returns their SHA-256.

    ``progress(n)`` is told of each ``n`` rows written.
    """
    with open(path, "wb") as f:
        return _render(columns, f, progress)


def _render(columns, file, progress) -> str:
    digest = hashlib.sha256()
    for rows, block in _blocks(columns):
        digest.update(block)
        if file is not None:
            file.write(block)
        if progress and rows:
            progress(rows)
    return digest.hexdigest()


def write_parquet(path: Path, columns: dict[str, np.ndarray]) -> None:
    """The outcome table as Parquet (needs the optional pyarrow: pip install 'korea-whatif[parquet]')."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise TableError(
            "writing Parquet needs pyarrow, which is not installed; pip install 'korea-whatif[parquet]', "
            "or leave out --table parquet to write outcomes.csv."
        ) from None
    data = {}
    for name in outcomes.COLUMNS:
        values = columns[name]
        if name in outcomes.DATES or name == "final_outcome":
            data[name] = pa.array([c or None for c in _cell(name, values)], type=pa.string())
        else:
            data[name] = pa.array(values)
    pq.write_table(pa.table(data), path)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def npy_sha256(array: np.ndarray) -> str:
    """SHA-256 of the ``.npy`` file ``np.save`` writes for ``array``."""
    buffer = io.BytesIO()
    np.save(buffer, array)
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def text_sha256(text: str) -> str:
    """SHA-256 of a text file's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
