"""Whoosh's posting blocks, written as Whoosh writes them but compressed only when there is
something to gain.

Whoosh's `W3PostingsWriter._write_block` pickles a block's ids, weights and values and always
passes the pickle through `zlib.compress` (its "less than 20 bytes, don't compress" check is
overwritten on the next line). Most terms of a large corpus are rare: their one block holds a
posting or a few, a pickle of some tens of bytes that zlib makes no smaller, and each call sets
up a whole deflate state (~270 KiB, most of the call: 30-800 µs, by the machine's load, against
0.1 µs for copying the bytes). Here a block whose pickle is shorter than `COMPRESS_FROM` is
written uncompressed, its header saying so (compression 0), which Whoosh's reader has always
read (`W3LeafMatcher._read_data` decompresses only when the header asks). Every posting, weight
and statistic is Whoosh's; only the stored bytes of the small blocks differ.
"""

from __future__ import annotations

import zlib
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PostingsWriter
from whoosh.util.numeric import length_to_byte

COMPRESS_FROM = 512      # bytes of a block's pickle below which zlib is not called


class SmallBlocksPostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer, with small blocks stored uncompressed."""

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        databytes = dumps((self._mini_ids(), self._mini_weights(), self._mini_values()), 2)
        comp = self._compression if len(databytes) >= COMPRESS_FROM else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = dumps((len(ids), ids[-1], self._maxweight, comp, length_to_byte(self._minlength),
                           length_to_byte(self._maxlength)), 2)
        length = len(infobytes) + len(databytes)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1


def small_blocks(postwriter: W3PostingsWriter) -> W3PostingsWriter:
    """The same writer (its file and state), writing small blocks uncompressed from now on."""
    if type(postwriter) is W3PostingsWriter:
        postwriter.__class__ = SmallBlocksPostingsWriter
    return postwriter
