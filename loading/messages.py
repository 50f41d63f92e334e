"""Validation messages for admins, in Russian: pydantic's error types mapped to Russian text
with the field's path, so that a content file's problem reads «people.0.last_name: поле
обязательно», not pydantic's English."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def _allowed(ctx: Mapping[str, Any]) -> str:
    return "допустимые значения: " + str(ctx.get("expected", "")).replace(" or ", ", ")


# pydantic error type → Russian text; a callable gets the error's context.
_BY_TYPE: dict[str, str | Callable[[Mapping[str, Any]], str]] = {
    "missing": "обязательное поле не заполнено",
    "extra_forbidden": "такого поля нет в схеме (опечатка в имени поля?)",
    "string_type": "ожидается текст",
    "string_too_short": "не может быть пустым",
    "string_too_long": lambda ctx: f"слишком длинно: не больше {ctx.get('max_length')} знаков",
    "string_pattern_mismatch": lambda ctx: (
        "id — только строчные латинские буквы, цифры и дефис (например, ivanov-ivan)"
        if "a-z0-9" in str(ctx.get("pattern", ""))
        else "код страны — две заглавные латинские буквы (RU, KZ)"
        if "A-Z" in str(ctx.get("pattern", ""))
        else f"не подходит под формат {ctx.get('pattern')}"
    ),
    "literal_error": lambda ctx: _allowed(ctx),
    "enum": lambda ctx: _allowed(ctx),
    "int_type": "ожидается целое число",
    "int_parsing": "ожидается целое число",
    "int_from_float": "ожидается целое число",
    "bool_type": "ожидается true или false",
    "bool_parsing": "ожидается true или false",
    "list_type": "ожидается список (строки, начинающиеся с «- »)",
    "dict_type": "ожидается набор полей «имя: значение»",
    "model_type": "ожидается набор полей «имя: значение»",
    "model_attributes_type": "ожидается набор полей «имя: значение»",
    "greater_than_equal": lambda ctx: f"должно быть не меньше {ctx.get('ge')}",
    "less_than_equal": lambda ctx: f"должно быть не больше {ctx.get('le')}",
    "greater_than": lambda ctx: f"должно быть больше {ctx.get('gt')}",
    "less_than": lambda ctx: f"должно быть меньше {ctx.get('lt')}",
}


def pydantic_message(error: Mapping[str, Any]) -> str:
    """One pydantic error as Russian text (without the field path)."""
    kind = error.get("type", "")
    text = _BY_TYPE.get(kind)
    if callable(text):
        return text(error.get("ctx") or {})
    if text is not None:
        return text
    message = str(error.get("msg", ""))
    if kind == "value_error":  # our own validators already speak Russian
        return message.removeprefix("Value error, ")
    return f"неверное значение ({message})"


def field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)
