from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signing_key_alg import SigningKeyAlg
from ..models.signing_key_crv import SigningKeyCrv
from ..models.signing_key_kty import SigningKeyKty
from ..models.signing_key_use import SigningKeyUse

T = TypeVar("T", bound="SigningKey")


@_attrs_define
class SigningKey:
    """
    Attributes:
        kid (str): The key id signatures name (`ak_…` audit, `ek_…` evidence).
        use (SigningKeyUse):
        kty (SigningKeyKty):
        crv (SigningKeyCrv):
        alg (SigningKeyAlg):
        x (str): The raw public key, base64url without padding (RFC 8037).
        pem (str): The public key as PEM (SubjectPublicKeyInfo).
        current (bool): Whether this key signs now.
    """

    kid: str
    use: SigningKeyUse
    kty: SigningKeyKty
    crv: SigningKeyCrv
    alg: SigningKeyAlg
    x: str
    pem: str
    current: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kid = self.kid

        use = self.use.value

        kty = self.kty.value

        crv = self.crv.value

        alg = self.alg.value

        x = self.x

        pem = self.pem

        current = self.current

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kid": kid,
                "use": use,
                "kty": kty,
                "crv": crv,
                "alg": alg,
                "x": x,
                "pem": pem,
                "current": current,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kid = d.pop("kid")

        use = SigningKeyUse(d.pop("use"))

        kty = SigningKeyKty(d.pop("kty"))

        crv = SigningKeyCrv(d.pop("crv"))

        alg = SigningKeyAlg(d.pop("alg"))

        x = d.pop("x")

        pem = d.pop("pem")

        current = d.pop("current")

        signing_key = cls(
            kid=kid,
            use=use,
            kty=kty,
            crv=crv,
            alg=alg,
            x=x,
            pem=pem,
            current=current,
        )

        signing_key.additional_properties = d
        return signing_key

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
