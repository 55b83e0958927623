namespace LicensingPortal.Rules.Facts;

public enum FactType
{
    Number,
    Text,
    Date,
    Flag,
    TextSet,
}
