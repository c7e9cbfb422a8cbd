"""aiextract: deal records from French tech and business news, as a spaCy pipeline.

>>> import aiextract
>>> article = aiextract.extract("Mistral AI lève 600 millions d'euros.", published="2024-06-11")
>>> [d.type for d in article.deals]
['funding']
"""

from aiextract.api import extract, extract_many
from aiextract.errors import AiextractError, InputError, ModelNotFoundError
from aiextract.frame import to_frame
from aiextract.pipeline import load
from aiextract.records import Amount, Article, DateMention, Deal, Money, Party
from aiextract.render import render

__version__ = "0.1.0"

__all__ = [
    "AiextractError",
    "Amount",
    "Article",
    "DateMention",
    "Deal",
    "InputError",
    "ModelNotFoundError",
    "Money",
    "Party",
    "extract",
    "extract_many",
    "load",
    "render",
    "to_frame",
]
