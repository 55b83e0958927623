// The namespaces nearly every use case needs: its shape (mediator, validator, result), the unit of work's
// DbContext and the domain, and how a result becomes HTTP.
global using FluentValidation;
global using LicensingPortal.Api.Data;
global using LicensingPortal.Api.Domain;
global using LicensingPortal.Api.Infrastructure.Errors;
global using LicensingPortal.Api.Infrastructure.Http;
global using LicensingPortal.Api.Infrastructure.Web;
global using Mediator;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
