"""Type stubs for the storyline module (python/storyline_module.cc).

The dicts follow DESIGN.md's JSON contracts; the TypedDicts below name
their required keys (extra keys may appear, as in the command's JSON).
"""
import datetime
import os
from types import TracebackType
from typing import Any, Iterable, Literal, Mapping, NotRequired, Optional, Sequence, TypedDict, Union

_Path = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
# A path (file or folder of any format the command reads) or a record (a
# dict like a JSONL line: id, url, title, date, outlet, text or html).
_Input = Union[_Path, Mapping[str, Any]]
_Inputs = Union[_Input, Iterable[_Input]]

class Error(Exception):
    """Base of storyline's exceptions; str(e) is the command line's message."""
    line: str
    code: str

class InputError(Error, ValueError): ...
class Unsupported(InputError): ...
class Corruption(Error, ValueError): ...
class NotFound(Error, KeyError): ...
class IoError(Error, OSError): ...
class InternalError(Error, RuntimeError): ...
class InputWarning(UserWarning): ...

class Span(TypedDict):
    start: int
    end: int

class Entity(TypedDict):
    start: int
    end: int
    text: str
    type: str
    entity: Optional[str]

class QuoteMention(TypedDict):
    start: int
    end: int
    text: str
    speaker_name: Optional[str]
    cue: Optional[str]
    kind: Optional[Literal["direct", "partial", "indirect"]]
    speaker: Optional[str]
    medium: Optional[str]
    speaker_owner: NotRequired[str]  # only for a described speaker with an owner ("his spokeswoman")

class DateMention(TypedDict):
    start: int
    end: int
    text: str
    value: str

class Annotation(TypedDict):
    id: str
    title: str
    published: Optional[str]
    outlet: Optional[str]
    text: str
    sentences: list[Span]
    entities: list[Entity]
    quotes: list[QuoteMention]
    title_quotes: NotRequired[list[QuoteMention]]  # headline quotations, offsets into "title"; only when there are any
    dates: list[DateMention]
    quantities: list[dict[str, Any]]

class ExtractedArticle(TypedDict):
    id: str
    title: str
    published: Optional[str]
    published_source: Optional[str]
    authors: list[str]
    outlet: Optional[str]
    url: Optional[str]
    text: str
    boilerplate_removed: list[str]
    author: Optional[str]
    source: Optional[str]

class BriefDict(TypedDict):
    articles: list[dict[str, Any]]
    stories: list[dict[str, Any]]

class StorySpan(TypedDict):
    first: Optional[str]
    last: Optional[str]

class StoryListing(TypedDict):
    id: str
    label: str
    size: int
    span: StorySpan
    articles: list[str]

class SearchHit(TypedDict):
    kind: str
    article_id: str
    title: str
    snippet: str
    rank: float

class Problem(TypedDict):
    message: str
    line: str
    code: str

class IngestReport(TypedDict):
    read: int
    stored: int
    updated: int
    unchanged: int
    duplicates: int
    clashes: int
    rejected: int
    annotated: int
    reannotated: int
    grouped: int
    stories_changed: int
    batches: int
    was_behind: bool
    articles: int
    story_seconds: float
    problems: list[Problem]
    warnings: list[str]

class MergeReport(TypedDict):
    shards: int
    bad_shards: int
    read: int
    stored: int
    updated: int
    unchanged: int
    duplicates: int
    clashes: int
    copied_annotations: int
    annotated: int
    reannotated: int
    full_regroup: bool
    grouped: int
    stories_changed: int
    aliases: int
    articles: int
    copy_seconds: float
    story_seconds: float
    problems: list[Problem]
    warnings: list[str]

def extract(html_or_bytes: Union[str, bytes, bytearray, memoryview], url: Optional[str] = None,
            *, id: Optional[str] = None) -> ExtractedArticle:
    """Cleans one page or text: a dict like `storyline extract --json`."""

def annotate(text: str, published: Union[str, datetime.date, None] = None,
             title: Optional[str] = None, *, id: Optional[str] = None) -> Annotation:
    """Annotates one article's text: a dict like `storyline annotate --json`."""

def annotate_many(texts: Iterable[str]) -> list[Annotation]:
    """annotate() of many texts on all cores, without the GIL."""

def brief(paths_or_records: _Inputs) -> BriefDict:
    """One-shot brief in memory: like `storyline brief PATH... --format json`."""

class Store:
    """A storyline store (SQLite file), as the command line's --db."""
    def __init__(self, path: str, read_only: bool = False) -> None: ...
    def ingest(self, paths_or_records: _Inputs, batch: int = 1000, group: bool = True) -> IngestReport:
        """Stores articles and updates the stories: `storyline ingest`."""
    def merge(self, shards: Union[_Path, Iterable[_Path]], append: bool = False) -> MergeReport:
        """Merges stores made elsewhere into this one: `storyline merge`."""
    def stories(self) -> list[StoryListing]:
        """Like `storyline stories --json`."""
    def brief(self, story_id: Optional[str] = None) -> BriefDict:
        """Like `storyline brief [STORY] --format json`."""
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Like `storyline search --json QUERY`."""
    def close(self) -> None:
        """Commits and closes the store."""
    def __enter__(self) -> "Store": ...
    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> bool: ...
    @property
    def path(self) -> str: ...
    @property
    def read_only(self) -> bool: ...
    @property
    def closed(self) -> bool: ...
