// The namespaces nearly every use case needs: its shape (mediator, validator, result), the unit of work's
// DbContext and the domain, what the features share below them (Shared: recording a decision, notices, counting),
// and how a result becomes HTTP.
global using FluentValidation;
global using LicensingPortal.Api.Data;
global using LicensingPortal.Api.Domain;
global using LicensingPortal.Api.Infrastructure.Errors;
global using LicensingPortal.Api.Infrastructure.Http;
global using LicensingPortal.Api.Infrastructure.Web;
global using LicensingPortal.Api.Shared;
global using Mediator;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
